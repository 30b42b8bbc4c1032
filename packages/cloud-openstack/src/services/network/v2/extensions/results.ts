import { z } from 'zod';

export const extensionSchema = z.looseObject({ alias: z.string(), name: z.string().nullish() });
export type Extension = z.infer<typeof extensionSchema>;

export const listExtensionsResult = z.looseObject({ extensions: z.array(extensionSchema) });
