import { z } from 'zod';

export const availabilityZoneSchema = z.looseObject({
  zoneName: z.string(),
  zoneState: z.looseObject({ available: z.boolean() }),
});
export type AvailabilityZone = z.infer<typeof availabilityZoneSchema>;

export const listAvailabilityZonesResult = z.looseObject({
  availabilityZoneInfo: z.array(availabilityZoneSchema),
});
