import type { Contract } from './define-contract';
import { enrollAgent } from './agent/enroll-agent.contract';
import { getOverview } from './overview/get-overview.contract';
import {
  createDatacenter,
  createEnrollmentToken,
  deleteDatacenter,
  getAgentInfo,
  getDatacenter,
  listDatacenters,
  revokeAgent,
  updateDatacenter,
} from './datacenters/datacenter.contracts';
import { login } from './auth/login.contract';
import { logout } from './auth/logout.contract';
import { getMe } from './me/get-me.contract';
import { changePassword } from './me/change-password.contract';
import { setupTotp, enableTotp, disableTotp } from './me/totp.contract';
import { listApiTokens, createApiToken, deleteApiToken } from './me/api-tokens.contract';
import { listDepartments } from './departments/list-departments.contract';
import { getDepartment } from './departments/get-department.contract';
import { createDepartment } from './departments/create-department.contract';
import { updateDepartment } from './departments/update-department.contract';
import { deleteDepartment } from './departments/delete-department.contract';
import { listProjects } from './projects/list-projects.contract';
import { getProject } from './projects/get-project.contract';
import { createProject } from './projects/create-project.contract';
import { updateProject } from './projects/update-project.contract';
import { deleteProject } from './projects/delete-project.contract';
import { listUsers } from './users/list-users.contract';
import { getUser } from './users/get-user.contract';
import { createUser } from './users/create-user.contract';
import { updateUser } from './users/update-user.contract';
import { deleteUser } from './users/delete-user.contract';
import { listRoles } from './roles/list-roles.contract';
import { getRole } from './roles/get-role.contract';
import { createRole } from './roles/create-role.contract';
import { updateRole } from './roles/update-role.contract';
import { deleteRole } from './roles/delete-role.contract';
import { listQuotas } from './quotas/list-quotas.contract';
import { getQuota } from './quotas/get-quota.contract';
import { createQuota } from './quotas/create-quota.contract';
import { updateQuota } from './quotas/update-quota.contract';
import { deleteQuota } from './quotas/delete-quota.contract';
import { listAuditEvents } from './audit/list-audit-events.contract';
import { getAuditEvent } from './audit/get-audit-event.contract';
import { serverContracts } from './servers/server.contracts';
import { getServerConsole } from './servers/get-server-console.contract';
import { taskContracts } from './tasks/task.contracts';
import { streamEvents } from './events/event.contracts';
import { catalogContracts } from './catalog/catalog.contracts';
import { inventoryContracts } from './inventory/inventory.contracts';
import { imageContracts } from './images/index';
import { baremetalContracts } from './baremetal/index';
import { monitoringContracts } from './monitoring/index';
import { appCredentialContracts } from './app-credentials/index';
import { lbfwContracts } from './lbfw/index';
import { networkContracts } from './network/index';
import { storageContracts } from './storage/index';
import { notificationContracts } from './notifications/notification.contracts';

/** Every API operation, for route registration checks, the OpenAPI test and tooling. */
export const allContracts: readonly Contract[] = [
  login,
  logout,
  getMe,
  changePassword,
  setupTotp,
  enableTotp,
  disableTotp,
  listApiTokens,
  createApiToken,
  deleteApiToken,
  listDepartments,
  getDepartment,
  createDepartment,
  updateDepartment,
  deleteDepartment,
  listProjects,
  getProject,
  createProject,
  updateProject,
  deleteProject,
  listUsers,
  getUser,
  createUser,
  updateUser,
  deleteUser,
  listRoles,
  getRole,
  createRole,
  updateRole,
  deleteRole,
  listQuotas,
  getQuota,
  createQuota,
  updateQuota,
  deleteQuota,
  listAuditEvents,
  getAuditEvent,
  listDatacenters,
  getDatacenter,
  createDatacenter,
  updateDatacenter,
  deleteDatacenter,
  createEnrollmentToken,
  revokeAgent,
  getAgentInfo,
  enrollAgent,
  ...serverContracts,
  getServerConsole,
  ...taskContracts,
  streamEvents,
  ...inventoryContracts,
  ...catalogContracts,
  ...imageContracts,
  ...baremetalContracts,
  ...appCredentialContracts,
  ...storageContracts,
  ...networkContracts,
  ...lbfwContracts,
  ...notificationContracts,
  getOverview,
  ...monitoringContracts,
];
