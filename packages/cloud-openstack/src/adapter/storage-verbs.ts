import type { StoragePort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import { notImplementedYet } from './not-implemented-yet';

/** Block storage on Cinder v3 (+ Nova for attach/detach). M1.5: being written. */
export const storageVerbs = (_services: ServiceClients): StoragePort =>
  notImplementedYet<StoragePort>('block-storage');
