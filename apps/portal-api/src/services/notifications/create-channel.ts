import type { Channel, ChannelInput } from '@yunguan/contract';
import { assertCan, assertHas, notFound, platformTarget } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { insertChannel } from '../../repositories/notification-channel-repository';
import { findProjectDepartment } from '../../repositories/recipient-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { sealSecret } from './channel-secrets';
import { toChannel } from './to-channel';

/** Platform channels need a platform grant; a project's channel notification.manage over it. */
export const createChannel = async (ctx: ServiceContext, input: ChannelInput): Promise<Channel> => {
  let departmentId: string | null = null;
  if (input.projectId) {
    departmentId = await findProjectDepartment(ctx.db, input.projectId);
    if (!departmentId) throw notFound('project', input.projectId);
    assertCan(
      ctx.principal,
      'notification.manage',
      { departmentId, projectId: input.projectId },
      'project.read',
      'project',
    );
  } else assertHas(ctx.principal, 'notification.manage', platformTarget);
  const row = await inTransaction(ctx.db, async (tx) => {
    const created = await insertChannel(tx, {
      name: input.name,
      kind: input.kind,
      projectId: input.projectId ?? null,
      departmentId,
      settings: input.settings,
      secretSealed: sealSecret(ctx.config.secretBox, input.secret),
      locale: input.locale,
      ratePerMinute: input.ratePerMinute,
      enabled: input.enabled,
    });
    await recordAudit(tx, ctx, {
      action: 'notification-channel.create',
      targetType: 'notification-channel',
      targetId: created.id,
      targetName: created.name,
      departmentId,
      projectId: input.projectId ?? null,
      detail: { kind: input.kind },
    });
    return created;
  });
  return toChannel(ctx.config.secretBox, row);
};
