import { orGone } from '../../tasks/or-gone';
import type { TaskRun, StepResult } from '../../tasks/task-definition';
import { networkSeen } from '../network-observations';
import { networkOf } from '../../../cloud/sub-port';

/** A DTO as a step result (stored on the task so a resumed attempt does not call again). */
export const stored = <T>(value: T): T & StepResult => value as T & StepResult;

/** The steps of a Neutron verb: the cloud answers at once, so there is nothing to wait for. */
export const neutronSteps = ['submit', 'record'] as const;

/**
 * Re-read a network after its subnets changed and write it to the mirror (subnetExternalIds);
 * a network the scope can no longer see (not-found) is left as it is.
 */
export const observeNetworkOf = async (
  rt: TaskRun<unknown>,
  networkExternalId: string | null | undefined,
): Promise<void> => {
  if (!networkExternalId) return;
  const network = await orGone(() =>
    networkOf(rt.provider).getNetwork(rt.scope, networkExternalId, rt.call),
  );
  if (network) await rt.observe(networkSeen(network));
};
