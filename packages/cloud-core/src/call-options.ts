/** Passed to every provider call: cancellation, correlation and a deadline. */
export type CallOptions = {
  signal?: AbortSignal;
  /** Sent upstream as the request id header and kept on errors. */
  requestId?: string;
  /** Per-call deadline; adapters apply their own default when absent. */
  timeoutMs?: number;
};

/** Combine a caller's signal with a deadline into one signal. */
export const signalFor = (
  options: CallOptions | undefined,
  defaultTimeoutMs: number,
): AbortSignal => {
  const timeout = AbortSignal.timeout(options?.timeoutMs ?? defaultTimeoutMs);
  return options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
};
