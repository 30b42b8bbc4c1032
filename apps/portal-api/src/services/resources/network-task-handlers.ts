import { floatingIpAddPortForwarding } from '../network/tasks/floating-ip-add-port-forwarding';
import { floatingIpAssociate } from '../network/tasks/floating-ip-associate';
import { floatingIpCreate } from '../network/tasks/floating-ip-create';
import { floatingIpDelete } from '../network/tasks/floating-ip-delete';
import { floatingIpDisassociate } from '../network/tasks/floating-ip-disassociate';
import { floatingIpRemovePortForwarding } from '../network/tasks/floating-ip-remove-port-forwarding';
import { networkCreate } from '../network/tasks/network-create';
import { networkDelete } from '../network/tasks/network-delete';
import { networkQuickStart } from '../network/tasks/network-quick-start';
import { portCreate } from '../network/tasks/port-create';
import { portDelete } from '../network/tasks/port-delete';
import { routerAddInterface } from '../network/tasks/router-add-interface';
import { routerClearGateway } from '../network/tasks/router-clear-gateway';
import { routerCreate } from '../network/tasks/router-create';
import { routerDelete } from '../network/tasks/router-delete';
import { routerRemoveInterface } from '../network/tasks/router-remove-interface';
import { routerSetGateway } from '../network/tasks/router-set-gateway';
import { securityGroupAddRule } from '../network/tasks/security-group-add-rule';
import { securityGroupCreate } from '../network/tasks/security-group-create';
import { securityGroupDelete } from '../network/tasks/security-group-delete';
import { securityGroupRemoveRule } from '../network/tasks/security-group-remove-rule';
import { subnetCreate } from '../network/tasks/subnet-create';
import { subnetDelete } from '../network/tasks/subnet-delete';
import { subnetUpdate } from '../network/tasks/subnet-update';
import type { TaskDefinition } from '../tasks/task-definition';

/** Task code of the network actions (network … security group, and the quick start). */
export const networkTaskHandlers: readonly TaskDefinition[] = [
  networkCreate,
  networkDelete,
  networkQuickStart,
  subnetCreate,
  subnetUpdate,
  subnetDelete,
  portCreate,
  portDelete,
  routerCreate,
  routerDelete,
  routerSetGateway,
  routerClearGateway,
  routerAddInterface,
  routerRemoveInterface,
  floatingIpCreate,
  floatingIpDelete,
  floatingIpAssociate,
  floatingIpDisassociate,
  floatingIpAddPortForwarding,
  floatingIpRemovePortForwarding,
  securityGroupCreate,
  securityGroupDelete,
  securityGroupAddRule,
  securityGroupRemoveRule,
];
