import type { BaremetalNodeDto, BaremetalPowerAction } from '@yunguan/cloud-core';
import type { BaremetalAction } from '@yunguan/contract';
import { domainErrorOfCloud, withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { baremetalAccess } from './baremetal-access';
import { baremetalOf } from '../../cloud/sub-port';

const powerOf: Partial<Record<BaremetalAction, BaremetalPowerAction>> = {
  'power-on': 'on',
  'power-off': 'off',
  reboot: 'reboot',
};

/**
 * Ask Ironic to act on a node (admin). Ironic accepts (202) and moves the node in its own time,
 * so this is a synchronous call with an audit row rather than a task (ADR 0108: a task belongs
 * to a project; nodes belong to the datacenter). The answer is the node right after, with its
 * target states; a refusal (e.g. "deploy" from "enroll") comes back in Ironic's words.
 */
export const actOnBaremetalNode = async (
  ctx: ServiceContext,
  args: { datacenterId: string; nodeId: string; action: BaremetalAction },
): Promise<BaremetalNodeDto> => {
  const { provider, datacenter, options } = await baremetalAccess(ctx, args.datacenterId);
  const node = await withCloudErrors(datacenter.name, () =>
    baremetalOf(provider).getBaremetalNode(args.nodeId, options),
  );
  const audit = (result: 'success' | 'failure', detail: Record<string, string>) =>
    recordAudit(ctx.db, ctx, {
      action: `baremetal.${args.action}`,
      targetType: 'baremetal-node',
      targetId: node.externalId,
      targetName: node.name ?? node.externalId,
      result,
      detail: { datacenterId: datacenter.id, ...detail },
    });
  try {
    const power = powerOf[args.action];
    if (power !== undefined)
      await baremetalOf(provider).setBaremetalPower(node.externalId, power, options);
    else
      await baremetalOf(provider).setBaremetalProvision(
        node.externalId,
        args.action as Exclude<BaremetalAction, 'power-on' | 'power-off' | 'reboot'>,
        options,
      );
  } catch (error) {
    await audit('failure', { error: error instanceof Error ? error.message.slice(0, 300) : '' });
    throw domainErrorOfCloud(error, datacenter.name);
  }
  await audit('success', {
    powerState: node.powerState ?? '',
    provisionState: node.provisionState,
  });
  ctx.audit.written = true;
  return withCloudErrors(datacenter.name, () =>
    baremetalOf(provider).getBaremetalNode(node.externalId, options),
  );
};
