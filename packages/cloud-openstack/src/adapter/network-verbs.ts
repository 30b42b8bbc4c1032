import type { NetworkPort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import { notImplementedYet } from './not-implemented-yet';

/** Neutron v2.0 (+ FWaaS v2) and Octavia v2. M1.5: being written. */
export const networkVerbs = (_services: ServiceClients): NetworkPort =>
  notImplementedYet<NetworkPort>('network');
