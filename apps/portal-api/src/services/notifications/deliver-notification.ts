import { ChannelError, sendToChannel, type Severity } from '@yunguan/notifications';
import type { Database } from '../../repositories/db-client';
import {
  findChannelRow,
  recordChannelOutcome,
} from '../../repositories/notification-channel-repository';
import {
  findDeliveryRow,
  finishAttempt,
  markDeliveryDead,
  startAttempt,
} from '../../repositories/notification-repository';
import type { ServiceConfig } from '../context';
import { channelConfigOf } from './channel-secrets';

export type DeliverDeps = { db: Database; config: ServiceConfig; now: () => Date };
export type DeliverAttempt = {
  finalAttempt: boolean;
  postpone?: ((ms: number) => Promise<never>) | undefined;
};
export type DeliverResult = 'sent' | 'dead' | 'skipped';

const errorText = (error: unknown): string =>
  error instanceof ChannelError ? error.message : `internal error: ${(error as Error).message}`;

/**
 * Send one delivery (the notification.deliver job). The channel's gates come first: its rate per
 * minute and its in-flight slots — when either is used up the job is postponed (no attempt is
 * spent), so a slow or failing channel holds at most its own slots and never the others'. Each
 * attempt is recorded with its time and error; a failure rethrows for BullMQ's back-off, the last
 * one (or one a retry cannot fix) leaves the delivery dead with the error shown.
 */
export const deliverNotification = async (
  deps: DeliverDeps,
  id: string,
  attempt: DeliverAttempt,
): Promise<DeliverResult> => {
  const row = await findDeliveryRow(deps.db, id);
  if (!row || row.status === 'sent' || row.status === 'dead') return 'skipped';
  const channel = row.channelId ? await findChannelRow(deps.db, row.channelId) : null;
  if (!channel || !channel.enabled) {
    await markDeliveryDead(
      deps.db,
      id,
      channel ? 'the channel is disabled' : 'the channel was deleted',
    );
    return 'dead';
  }
  const runtime = deps.config.notifications;
  const waitSlot = await runtime.gate.takeSlot(channel.id);
  if (waitSlot !== null && attempt.postpone) return attempt.postpone(waitSlot);
  try {
    const waitRate = await runtime.gate.takeRate(channel.id, channel.ratePerMinute);
    if (waitRate !== null && attempt.postpone) return await attempt.postpone(waitRate);
    const number = row.attempts + 1;
    if (!(await startAttempt(deps.db, id, number, deps.now()))) return 'skipped';
    try {
      await sendToChannel(
        channelConfigOf(deps.config.secretBox, channel),
        {
          id,
          recipient: row.recipient,
          message: {
            eventType: row.eventType,
            severity: row.severity as Severity,
            subject: row.subject,
            body: row.body,
          },
          params: (row.params ?? {}) as Record<string, string>,
        },
        {
          timeoutMs: runtime.settings.sendTimeoutMs,
          tokenCache: runtime.tokenCache,
          now: deps.now(),
        },
      );
    } catch (error) {
      const text = errorText(error);
      const dead = attempt.finalAttempt || (error instanceof ChannelError && error.permanent);
      const at = deps.now();
      await finishAttempt(deps.db, id, number, {
        ok: false,
        at,
        error: text,
        status: dead ? 'dead' : 'failed',
      });
      await recordChannelOutcome(deps.db, channel.id, { error: text, at });
      if (dead) return 'dead';
      throw new Error(`delivery attempt ${number} failed`, { cause: error });
    }
    const at = deps.now();
    await finishAttempt(deps.db, id, number, { ok: true, at });
    await recordChannelOutcome(deps.db, channel.id, { sentAt: at });
    return 'sent';
  } finally {
    if (waitSlot === null) await runtime.gate.release(channel.id);
  }
};
