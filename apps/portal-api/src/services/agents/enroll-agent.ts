import { randomBytes } from 'node:crypto';
import type { EnrollAgentInput, EnrollAgentOutput } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import {
  findDatacenterRow,
  updateDatacenterRow,
  upsertAgent,
} from '../../repositories/datacenter-repository';
import { inTransaction } from '../../repositories/db-client';
import {
  consumeEnrollmentToken,
  findEnrollmentTokenByHash,
} from '../../repositories/enrollment-token-repository';
import { sha256 } from '../../security/tokens';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../context';
import { fingerprintOfPublicKey } from './fingerprint-of-public-key';

const invalidToken = () =>
  new DomainError('UNAUTHENTICATED', 'enrollment token invalid', {
    reason: 'enrollment_token_invalid',
  });
const unavailable = (reason: string) => new DomainError('UPSTREAM_UNAVAILABLE', reason, { reason });

/**
 * An agent presents a one-time token and its public key; it gets the gateways to dial, the host
 * key to pin, its port and the router secret. The token is spent, the key replaces any earlier
 * one (which the gateways then refuse), and the registry learns the new key.
 */
export const enrollAgent = async (
  ctx: RequestContext,
  input: EnrollAgentInput,
): Promise<EnrollAgentOutput> => {
  const token = await findEnrollmentTokenByHash(ctx.db, sha256(input.token));
  const now = ctx.now();
  if (!token || token.usedAt || token.revokedAt || token.expiresAt <= now) throw invalidToken();
  const fingerprint = fingerprintOfPublicKey(input.publicKey);
  const { registry } = ctx.config.tunnel;
  const gateways = await registry.listGateways();
  const pinned = gateways[0]?.hostKeyFingerprint;
  if (!pinned) throw unavailable('no_gateway');
  const port = await registry.allocatePort(token.datacenterId);
  if (port === null) throw unavailable('port_range_full');
  const routerSecret = randomBytes(32).toString('base64url');
  const { datacenter, previous } = await inTransaction(ctx.db, async (tx) => {
    if (!(await consumeEnrollmentToken(tx, token.id, now))) throw invalidToken();
    const before = await findDatacenterRow(tx, token.datacenterId);
    if (!before) throw invalidToken();
    await upsertAgent(tx, {
      datacenterId: before.id,
      publicKey: input.publicKey,
      fingerprint,
      version: input.agentVersion ?? null,
      routerSecretEnc: ctx.config.secretBox.seal(routerSecret),
      enrolledAt: now,
    });
    await updateDatacenterRow(tx, before.id, { tunnelPort: port });
    await recordAudit(tx, ctx, {
      action: 'agent.enroll',
      targetType: 'datacenter',
      targetId: before.id,
      targetName: before.name,
      actor: { id: null, name: `agent@${before.name}` },
      detail: { fingerprint, port, version: input.agentVersion ?? null },
    });
    return { datacenter: before, previous: before.agent?.fingerprint ?? null };
  });
  if (previous && previous !== fingerprint)
    await registry.revokeAgentKey({ fingerprint: previous });
  await registry.publishAgentKey(fingerprint, datacenter.id, port);
  return {
    datacenterId: datacenter.id,
    gateways: gateways
      .filter((g) => g.hostKeyFingerprint === pinned)
      .map((g) => ({ host: g.sshHost, port: g.sshPort })),
    hostKeyFingerprint: pinned,
    port,
    routerSecret,
    sshUser: datacenter.id,
  };
};
