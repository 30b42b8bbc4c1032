import { z } from 'zod';

export const keypairSchema = z.looseObject({
  name: z.string(),
  fingerprint: z.string(),
  public_key: z.string(),
  type: z.string().nullish(),
  private_key: z.string().nullish(),
});
export type KeyPair = z.infer<typeof keypairSchema>;

/** Lists wrap each key pair: `{"keypairs": [{"keypair": {…}}]}`. */
export const keypairEntrySchema = z.looseObject({ keypair: keypairSchema });
export const getKeypairResult = z.looseObject({ keypair: keypairSchema });
