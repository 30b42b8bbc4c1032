import { z } from 'zod';

const addressSchema = z.looseObject({
  addr: z.string(),
  version: z.number(),
  'OS-EXT-IPS:type': z.string().optional(),
  'OS-EXT-IPS-MAC:mac_addr': z.string().optional(),
});

/** A Nova server at microversion ≥ 2.47 (flavor embedded, no flavor id). */
export const serverSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  tenant_id: z.string(),
  created: z.string(),
  updated: z.string(),
  flavor: z
    .looseObject({
      id: z.string().optional(),
      original_name: z.string().optional(),
      vcpus: z.number().optional(),
      ram: z.number().optional(),
      disk: z.number().optional(),
    })
    .optional(),
  /** `""` when the server boots from a volume. */
  image: z.union([z.string(), z.looseObject({ id: z.string() })]).nullish(),
  addresses: z.record(z.string(), z.array(addressSchema)).nullish(),
  key_name: z.string().nullish(),
  security_groups: z.array(z.looseObject({ name: z.string() })).nullish(),
  'os-extended-volumes:volumes_attached': z.array(z.looseObject({ id: z.string() })).nullish(),
  'OS-EXT-STS:task_state': z.string().nullish(),
  'OS-EXT-STS:vm_state': z.string().nullish(),
  'OS-EXT-AZ:availability_zone': z.string().nullish(),
  'OS-EXT-SRV-ATTR:host': z.string().nullish(),
  locked: z.boolean().nullish(),
  fault: z.looseObject({ code: z.number(), message: z.string() }).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type Server = z.infer<typeof serverSchema>;

export const getServerResult = z.looseObject({ server: serverSchema });

/** POST /servers answers with the id (and adminPass) only. */
export const createServerResult = z.looseObject({
  server: z.looseObject({ id: z.string() }),
});

/** createImage at ≥ 2.45 names the snapshot image in the body. */
export const createImageResult = z.looseObject({ image_id: z.string() });

export const instanceActionSchema = z.looseObject({
  action: z.string(),
  request_id: z.string(),
  message: z.string().nullish(),
  start_time: z.string(),
  updated_at: z.string().nullish(),
});
export type InstanceAction = z.infer<typeof instanceActionSchema>;

/** One action with its events; `traceback` only for administrators, `details` from 2.84. */
export const instanceActionDetailResult = z.looseObject({
  instanceAction: instanceActionSchema.extend({
    events: z
      .array(
        z.looseObject({
          event: z.string(),
          result: z.string().nullish(),
          traceback: z.string().nullish(),
          details: z.string().nullish(),
        }),
      )
      .nullish(),
  }),
});
export type InstanceActionDetail = z.infer<typeof instanceActionDetailResult>['instanceAction'];
