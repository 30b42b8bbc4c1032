import { isCloudError } from '@yunguan/cloud-core';
import { renderMessage } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { buildOpenStackProvider, type CloudCredential } from '../../cloud/build-provider';
import { domainErrorOfCloud } from '../../cloud/domain-error-of-cloud';
import type { DatacenterRow } from '../../repositories/datacenter-repository';
import type { ServiceContext } from '../context';

export type Verification = { state: 'verified' | 'unverified'; message: string | null };

const VERIFY_TIMEOUT_MS = 10_000;

/**
 * Try the credential through the tunnel: one Keystone token plus one cheap compute read.
 * Rejected by the cloud → VALIDATION (nothing is saved). Datacenter unreachable → `unverified`
 * with the reason (saved anyway: an operator often sets credentials before the agent is up).
 */
export const verifyCredentials = async (
  ctx: ServiceContext,
  datacenter: DatacenterRow,
  credential: CloudCredential,
): Promise<Verification> => {
  const agent = datacenter.agent;
  if (!agent || agent.revokedAt)
    return { state: 'unverified', message: 'no agent is enrolled for this datacenter yet' };
  const provider = buildOpenStackProvider(
    ctx.config,
    {
      id: datacenter.id,
      name: datacenter.name,
      routerSecret: ctx.config.secretBox.open(agent.routerSecretEnc),
    },
    credential,
  );
  try {
    await provider.listAvailabilityZones({
      requestId: ctx.requestId,
      timeoutMs: VERIFY_TIMEOUT_MS,
    });
    return { state: 'verified', message: null };
  } catch (error) {
    const rejected =
      isCloudError(error) &&
      (error.kind === 'unauthorized' ||
        error.kind === 'forbidden' ||
        error.kind === 'not-found' ||
        error.kind === 'bad-request');
    if (rejected) {
      throw new DomainError('VALIDATION', error.message, {
        reason: 'cloud_credentials_invalid',
        params: { datacenter: datacenter.name, why: error.upstreamMessage ?? error.message },
        issues: [{ path: 'body', message: error.upstreamMessage ?? error.message }],
      });
    }
    const mapped = domainErrorOfCloud(error, datacenter.name);
    if (mapped instanceof DomainError && mapped.code === 'UPSTREAM_UNAVAILABLE') {
      return {
        state: 'unverified',
        message: renderMessage('en', mapped.code, mapped.details.reason, mapped.details.params),
      };
    }
    throw mapped;
  }
};
