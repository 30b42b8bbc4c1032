import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice, type FloatingIp, type Port } from './network-state';

/** The router joining the port's subnet to the floating IP's external network (how Neutron NATs). */
export const routerFor = (ctx: SimContext, fip: FloatingIp, port: Port, fixedIp: string) => {
  const slice = networkSlice(ctx);
  const fixed = port.fixed_ips.find((f) => f.ip_address === fixedIp);
  const subnetId = fixed?.subnet_id ?? '';
  const router = Object.values(slice.routers).find(
    (r) =>
      r.external_gateway_info?.network_id === fip.floating_network_id &&
      Object.values(slice.ports).some(
        (p) =>
          p.device_id === r.id &&
          p.device_owner === 'network:router_interface' &&
          p.fixed_ips.some((f) => f.subnet_id === subnetId),
      ),
  );
  if (!router) {
    throw neutronError(
      404,
      'ExternalGatewayForFloatingIPNotFound',
      `External network ${fip.floating_network_id} is not reachable from subnet ${subnetId}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
    );
  }
  return router;
};

/** Points the floating IP at a port (and one of its fixed IPs), or clears it when portId is null. */
export const associate = (
  ctx: SimContext,
  fip: FloatingIp,
  port: Port | null,
  requestedFixedIp: string | undefined,
) => {
  if (!port) {
    fip.port_id = null;
    fip.fixed_ip_address = null;
    fip.router_id = null;
    fip.status = 'DOWN';
    return;
  }
  if (fip.port_forwardings.length > 0) {
    throw neutronError(
      409,
      'FipInUseByPortForwarding',
      `Floating IP ${fip.id} has port forwardings and cannot be associated with a port.`,
    );
  }
  const fixedIp =
    requestedFixedIp ?? port.fixed_ips.find((f) => !f.ip_address.includes(':'))?.ip_address;
  if (!fixedIp || !port.fixed_ips.some((f) => f.ip_address === fixedIp)) {
    throw neutronError(
      400,
      'BadRequest',
      `Bad floatingip request: Port ${port.id} does not have fixed ip ${fixedIp ?? ''}.`,
    );
  }
  const taken = Object.values(networkSlice(ctx).floatingIps).find(
    (other) =>
      other.id !== fip.id &&
      other.port_id === port.id &&
      other.fixed_ip_address === fixedIp &&
      other.floating_network_id === fip.floating_network_id,
  );
  if (taken) {
    throw neutronError(
      409,
      'FloatingIPPortAlreadyAssociated',
      `Cannot associate floating IP ${fip.floating_ip_address} (${fip.id}) with port ${port.id} using fixed IP ${fixedIp}, as that fixed IP already has a floating IP on external network ${fip.floating_network_id}.`,
    );
  }
  const router = routerFor(ctx, fip, port, fixedIp);
  fip.port_id = port.id;
  fip.fixed_ip_address = fixedIp;
  fip.router_id = router.id;
  fip.status = 'ACTIVE';
};
