import { z } from 'zod';
import { idSchema } from '../common';
import { defineContract } from '../define-contract';

/** OpenSSH-style SHA256 fingerprint, as `ssh-keygen -lf` prints it: `SHA256:<base64, no padding>`. */
export const sshFingerprintSchema = z
  .string()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'SHA256:<43 base64 characters>' });

/** One OpenSSH public key line; enrollment accepts ed25519 only. */
export const agentPublicKeySchema = z
  .string()
  .trim()
  .regex(/^ssh-ed25519 [A-Za-z0-9+/]+={0,2}( [^\r\n]*)?$/, {
    message: 'an ssh-ed25519 public key',
  });

export const enrollAgentInput = z.object({
  token: z.string().min(16).max(256),
  publicKey: agentPublicKeySchema,
  /** Agent version, for the datacenter page. */
  agentVersion: z.string().max(64).optional(),
});

export const gatewayAddressSchema = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
});

export const enrollAgentOutput = z.object({
  datacenterId: idSchema,
  /** Where the agent dials; tried in order. */
  gateways: z.array(gatewayAddressSchema).min(1),
  /** The gateways' host key fingerprint; the agent refuses any other. */
  hostKeyFingerprint: sshFingerprintSchema,
  /** The port the agent asks the gateway to forward (`tcpip-forward`). */
  port: z.number().int().min(1).max(65535),
  /** Shared secret the portal sends in `x-yunguan-agent-secret` on every tunnel request. */
  routerSecret: z.string().min(32).max(256),
  /** SSH user name; the gateway identifies agents by key, so this is informational. */
  sshUser: z.string().min(1).max(64),
});

export type EnrollAgentInput = z.infer<typeof enrollAgentInput>;
export type EnrollAgentOutput = z.infer<typeof enrollAgentOutput>;

export const enrollAgent = defineContract({
  id: 'agent.enroll',
  method: 'POST',
  path: '/api/v1/agent/enroll',
  tag: 'agent',
  auth: 'public',
  summary:
    'Exchange a one-time enrollment token and the agent public key for the tunnel settings. ' +
    'The token is single use, expires after 24 h and replaces any earlier key of the datacenter.',
  body: enrollAgentInput,
  status: 201,
  response: enrollAgentOutput,
  errors: ['VALIDATION', 'UNAUTHENTICATED', 'CONFLICT'],
});
