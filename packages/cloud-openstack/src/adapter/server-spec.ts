import { idempotencyMetadataKey, type CreateServerSpec, type Scope } from '@yunguan/cloud-core';
import type { CreateServerOpts } from '../services/compute/v2/servers/requests';
import { keyNameIn } from './keypair-names';

/** Our CreateServerSpec as Nova's POST /servers body (2.79). */
export const serverSpecOf = (scope: Scope, spec: CreateServerSpec): CreateServerOpts => {
  const metadata = { ...spec.metadata };
  if (spec.idempotencyToken !== undefined) metadata[idempotencyMetadataKey] = spec.idempotencyToken;
  const bootFromVolume = spec.bootVolumeGb !== undefined;
  return {
    name: spec.name,
    flavorRef: spec.flavorExternalId,
    ...(bootFromVolume
      ? {
          block_device_mapping_v2: [
            {
              boot_index: 0,
              uuid: spec.imageExternalId,
              source_type: 'image',
              destination_type: 'volume',
              volume_size: spec.bootVolumeGb,
              delete_on_termination: true,
            },
          ],
        }
      : { imageRef: spec.imageExternalId }),
    networks:
      spec.networkExternalIds.length === 0
        ? 'auto'
        : spec.networkExternalIds.map((uuid) => ({ uuid })),
    ...(spec.securityGroupNames?.length
      ? { security_groups: spec.securityGroupNames.map((name) => ({ name })) }
      : {}),
    ...(spec.keyName === undefined ? {} : { key_name: keyNameIn(scope, spec.keyName) }),
    ...(spec.userData === undefined
      ? {}
      : { user_data: Buffer.from(spec.userData, 'utf8').toString('base64') }),
    ...(spec.availabilityZone === undefined ? {} : { availability_zone: spec.availabilityZone }),
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
    ...(spec.serverGroupExternalId === undefined
      ? {}
      : { schedulerHints: { group: spec.serverGroupExternalId } }),
  };
};
