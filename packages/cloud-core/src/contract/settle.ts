import type {
  CloudProvider,
  OperationHandle,
  OperationProgress,
  OperationResourceType,
} from '../index';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The worker's loop, in the test: look at an operation until it is no longer pending. The
 * adapter itself never sleeps.
 */
export const settle = async <R extends OperationResourceType = 'server'>(
  provider: CloudProvider,
  handle: OperationHandle<R>,
  timeoutMs = 60_000,
): Promise<Exclude<OperationProgress<R>, { state: 'pending' }>> => {
  const deadline = Date.now() + timeoutMs;
  let last: OperationProgress<R> | undefined;
  while (Date.now() < deadline) {
    last = await provider.followOperation(handle);
    if (last.state !== 'pending') return last;
    await sleep(300);
  }
  throw new Error(
    `${handle.kind} ${handle.action ?? ''} of ${handle.externalId} still pending (${last?.detail})`,
  );
};

export const succeeded = async (provider: CloudProvider, handle: OperationHandle) => {
  const progress = await settle(provider, handle);
  if (progress.state === 'failed') {
    throw new Error(`${handle.kind} ${handle.action ?? ''} failed: ${progress.reason}`);
  }
  return progress;
};
