import { z } from 'zod';

/**
 * The mirror keeps the cloud-core DTO a task (or the inventory sync) saw; read it leniently so
 * an older or partial row still lists.
 */
const text = z.string().catch('').default('');
const maybeText = z.string().nullable().catch(null).default(null);
const int = z.number().int().catch(0).default(0);
const bool = z.boolean().catch(false).default(false);

export const volumeMirrorSpec = z.object({
  description: text,
  sizeGb: int,
  volumeType: maybeText,
  availabilityZone: maybeText,
  bootable: bool,
  encrypted: bool,
  attachments: z
    .array(
      z.object({
        serverExternalId: z.string(),
        device: z.string().nullable().catch(null).default(null),
      }),
    )
    .catch([])
    .default([]),
  sourceImageExternalId: maybeText,
  sourceSnapshotExternalId: maybeText,
  sourceVolumeExternalId: maybeText,
  createdAt: maybeText,
});
export type VolumeMirrorSpec = z.output<typeof volumeMirrorSpec>;

export const snapshotMirrorSpec = z.object({
  description: text,
  sizeGb: int,
  volumeExternalId: text,
  createdAt: maybeText,
});

export const backupMirrorSpec = z.object({
  description: text,
  sizeGb: int,
  volumeExternalId: text,
  incremental: bool,
  failReason: maybeText,
  createdAt: maybeText,
});

const objectOf = (spec: unknown): object => (spec && typeof spec === 'object' ? spec : {});

export const volumeSpecOf = (spec: unknown) => volumeMirrorSpec.parse(objectOf(spec));
export const snapshotSpecOf = (spec: unknown) => snapshotMirrorSpec.parse(objectOf(spec));
export const backupSpecOf = (spec: unknown) => backupMirrorSpec.parse(objectOf(spec));
