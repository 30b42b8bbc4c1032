import { generateSecret, generateURI, verify } from 'otplib';

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, username: string): string =>
  generateURI({ issuer: 'Yunguan', label: username, secret });

/** Accepts the current 30 s step and one step either side (clock drift). */
export const checkTotp = async (secret: string, token: string): Promise<boolean> => {
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
};
