import type { BlockStoragePort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import { storageAdminVerbs } from './storage-admin-verbs';
import { copyVerbs } from './storage-copy-verbs';
import { volumeVerbs } from './storage-volume-verbs';

/** Block storage on Cinder v3 (+ Nova's os-volume_attachments for attach and detach). */
export const storageVerbs = (services: ServiceClients): BlockStoragePort => ({
  ...volumeVerbs(services),
  ...copyVerbs(services),
  ...storageAdminVerbs(services),
});
