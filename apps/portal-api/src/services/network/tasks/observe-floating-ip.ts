import { isCloudError, type FloatingIpDto } from '@yunguan/cloud-core';
import { TaskFailed } from '../../tasks/run-task';
import type { TaskRun } from '../../tasks/task-definition';
import { floatingIpSeen } from '../network-observations';
import { networkOf } from '../../../cloud/sub-port';

/**
 * Write a floating IP to the mirror with its port forwardings (read live when the cloud has
 * the extension) and the server it points at (null when it points at none).
 */
export const observeFloatingIp = async (
  rt: TaskRun<unknown>,
  fip: FloatingIpDto,
  server: { id: string; name: string } | null,
): Promise<string> => {
  const portForwardings = rt.provider.capabilities.has('floating-ip.port-forwarding')
    ? await networkOf(rt.provider).listPortForwardings(rt.scope, fip.externalId, rt.call)
    : [];
  return rt.observe(
    floatingIpSeen(fip, { portForwardings, server: fip.portExternalId ? server : null }),
  );
};

/** What the portal checked before queueing: the server port and the route to the FIP's network. */
export type FloatingIpTargetInput = {
  server: { id: string; name: string };
  serverExternalId: string;
  portExternalId: string;
  fixedIpAddress: string;
  subnetName: string;
  networkName: string;
};

/**
 * Neutron's refusal when no router joins the port's subnet to the floating IP's network (404
 * ExternalGatewayForFloatingIPNotFound) — e.g. the interface went away after the portal's
 * check — becomes the same clear failure as the check's.
 */
export const noRouteFailure = (error: unknown, input: FloatingIpTargetInput): unknown => {
  const text = isCloudError(error) ? (error.upstreamMessage ?? '') : '';
  if (
    isCloudError(error) &&
    error.kind === 'not-found' &&
    /ExternalGatewayForFloatingIPNotFound|is not reachable from subnet/i.test(
      `${text} ${error.message}`,
    )
  )
    return new TaskFailed({
      reason: 'floating_ip_no_route',
      params: { server: input.server.name, subnet: input.subnetName, network: input.networkName },
    });
  return error;
};
