import type { ErrorCode } from '@yunguan/domain';
import { hostileMessagesEn, hostileMessagesZh } from './hostile/hostile-input-messages';
import { lbfwMessagesEn, lbfwMessagesZh } from './lbfw/lbfw-messages';
import { networkMessagesEn, networkMessagesZh } from './network/network-messages';
import {
  notificationMessagesEn,
  notificationMessagesZh,
} from './notifications/notification-messages';
import { ownerMessagesEn, ownerMessagesZh } from './owners/owner-messages';
import { storageMessagesEn, storageMessagesZh } from './storage/storage-messages';

export type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
type Catalog = Record<string, (p: Params) => string>;

const en: Catalog = {
  NOT_FOUND: (p) =>
    `The ${p.entity ?? 'object'} does not exist or is outside your reach. Check the link or ask an administrator for access.`,
  FORBIDDEN: () =>
    'Your role does not allow this action. Ask a department or platform administrator.',
  UNAUTHENTICATED: () => 'Please log in again.',
  CONFLICT: () => 'This conflicts with an existing object. Pick another name.',
  VALIDATION: () => 'Some fields are invalid. Correct the highlighted fields and try again.',
  QUOTA_EXCEEDED: () => 'This exceeds a quota. Lower the amount or ask for a larger quota.',
  PRECONDITION_FAILED: () => 'This cannot be done in the current state.',
  RATE_LIMITED: () => 'Too many requests. Wait a moment and try again.',
  UPSTREAM_UNAVAILABLE: () => 'A service the portal depends on is unavailable. Try again shortly.',
  INTERNAL: (p) =>
    `Something went wrong on our side. Quote request id ${p.requestId ?? ''} to support.`,
  monitoring_not_configured: (p) =>
    `Datacenter "${p.datacenter}" has no InfluxDB behind its agent, so there are no charts. Set router.upstreams.influx in the agent's agent.json and restart it (docs/monitoring.md).`,
  monitoring_unavailable: (p) =>
    `The InfluxDB of datacenter "${p.datacenter}" did not answer the chart query (${p.why}). Check it on the agent's host (yunguan-agent status).`,
  datacenter_offline: (p) =>
    `Datacenter "${p.datacenter}" cannot be reached: ${p.why}. Check that its agent is running (yunguan-agent status) and that the tunnel is online on the Datacenters page.`,
  enrollment_token_invalid: () =>
    'The enrollment token is unknown, already used, revoked or expired. Issue a new one on the Datacenters page.',
  no_gateway: () =>
    'No tunnel gateway is running, so the agent has nowhere to connect. Start tunnel-gateway and try again.',
  port_range_full: () =>
    'Every tunnel port in the configured range is taken. Widen TUNNEL_PORT_RANGE or delete unused datacenters.',
  agent_not_enrolled: () =>
    'This datacenter has neither an active agent nor a pending enrollment token to revoke.',
  agent_not_enrolled_yet: (p) =>
    `No agent is enrolled for datacenter "${p.datacenter}" yet. Run the install command from its enrollment token in the datacenter.`,
  invalid_public_key: () => 'The public key is not a valid ssh-ed25519 key.',
  invalid_token: () => 'The API token is invalid or expired. Create a new one under API tokens.',
  invalid_credentials: () =>
    'Wrong username or password, or the account is temporarily locked (5 failed attempts lock it for 15 minutes).',
  totp_invalid: () =>
    'The verification code is wrong or expired. Use the current code from your authenticator app.',
  session_expired: () => 'Your session has expired. Please log in again.',
  csrf: () => 'The page is out of date (security token mismatch). Reload the page and try again.',
  name_taken: (p) =>
    `The name "${p.name}" is already used${p.in ? ` in ${p.in}` : ''}. Choose another name.`,
  username_taken: (p) => `The username "${p.username}" is taken. Choose another username.`,
  role_in_use: (p) => `The role is held by ${p.count} assignment(s). Remove them first.`,
  built_in_role: () => 'Built-in roles cannot be changed or deleted. Create a custom role instead.',
  assignment_unknown_role: (p) =>
    `Role assignment ${p.index}: the role does not exist. Pick one from the role list.`,
  assignment_scope_not_allowed: (p) =>
    `Role assignment ${p.index}: this role cannot be granted at that scope (department admin → department; project admin and member → project).`,
  assignment_platform_has_target: (p) =>
    `Role assignment ${p.index}: a platform role takes no department or project.`,
  assignment_missing_target: (p) =>
    `Role assignment ${p.index}: choose the department or project the role applies to.`,
  assignment_outside_department: (p) =>
    `Role assignment ${p.index}: roles can only be granted in the user's own department and its projects.`,
  cannot_delete_self: () => 'You cannot delete your own account.',
  wrong_password: () => 'The current password is wrong.',
  totp_not_started: () => 'Start the authenticator setup first.',
  totp_already_enabled: () =>
    'Two-factor authentication is already on. Turn it off first to re-enrol.',
  quota_exists: (p) => `A ${p.resource} limit is already set here; change it instead.`,
  project_exceeds_department: (p) =>
    `The ${p.resource} limit ${p.limit} exceeds what the department has left (${p.remaining} of ${p.departmentLimit}). Lower it or raise the department quota.`,
  project_unlimited_in_limited_department: (p) =>
    `The department limits ${p.resource} to ${p.departmentLimit}, so a project cannot be unlimited. Set a number.`,
  department_has_unlimited_project: (p) =>
    `Project "${p.project}" has an unlimited ${p.resource} quota. Give it a number before limiting the department.`,
  department_below_allocated: (p) =>
    `Projects already hold ${p.allocated} ${p.resource}; the department limit cannot be ${p.limit}. Lower project quotas first.`,
  quota_exceeded: (p) =>
    `This exceeds the project's ${p.resource} quota: limit ${p.limit}, in use ${p.used} (including servers being created), this request needs ${p.requested}. Lower the amount or ask for a larger quota.`,
  resource_busy: (p) =>
    `"${p.name}" is busy with ${p.action} (task ${p.taskId}). Wait until that task finishes, then try again.`,
  task_interrupted_mid_call: (p) =>
    `The task stopped while step "${p.step}" was calling the cloud. It was not sent again, so nothing is done twice. Check the object, then run the action again.`,
  task_without_handler: (p) =>
    `The portal has no code for task action ${p.action}. Report this to support.`,
  task_input_invalid: (p) =>
    `The stored request of this ${p.action} task no longer matches what the task reads (${p.detail}); nothing was sent to the cloud. Start the action again.`,
  task_not_held: (p) =>
    `Task "${p.task}" is not awaiting approval any more (it is ${p.status}); it cannot be released or cancelled.`,
  task_cancelled: (p) => `Cancelled by ${p.by}: ${p.reason}`,
  server_busy: (p) =>
    `Another task (${p.action}, ${p.taskId}) is still running on server "${p.server}". Wait until it finishes.`,
  server_wrong_state: (p) =>
    `Server "${p.server}" is ${p.status}; "${p.action}" needs it to be one of: ${p.allowed}.`,
  server_locked: (p) => `Server "${p.server}" is locked. Unlock it first.`,
  server_already_locked: (p) => `Server "${p.server}" is already locked.`,
  server_not_locked: (p) => `Server "${p.server}" is not locked.`,
  server_gone: (p) => `Server "${p.server}" has been deleted.`,
  console_ticket_invalid: () =>
    'This console link has expired or was already used. Open the console again.',
  datacenter_unsupported_action: (p) =>
    `Datacenter "${p.datacenter}" does not support "${p.action}".`,
  flavor_unknown: (p) =>
    `Flavor "${p.flavor}" does not exist in datacenter "${p.datacenter}". Pick one from its flavor list.`,
  idempotency_key_reused: () =>
    'This Idempotency-Key was already used for a different request. Send a new key.',
  cloud_operation_failed: (p) => `The cloud could not do it: ${p.detail}`,
  cloud_request_failed: (p) => `The datacenter refused the request: ${p.detail}`,
  task_timed_out: (p) =>
    `The operation did not finish within ${p.minutes} minutes; the cloud last reported: ${p.detail}. Check the server and try again.`,
  task_gave_up: (p) =>
    `The task was retried ${p.attempts} times after interruptions and was given up (${p.detail}). Check the server and try again.`,
  task_interrupted: (p) =>
    `The task was interrupted (${p.detail}) and could not be resumed. Check the server and try again.`,
  datacenter_credentials_missing: (p) =>
    `Datacenter "${p.datacenter}" has no cloud service account yet. Set one on the Datacenters page (Credentials).`,
  datacenter_kind_unsupported: (p) =>
    `Datacenter "${p.datacenter}" is a ${p.kind} datacenter; the portal manages OpenStack datacenters only so far.`,
  cloud_credentials_invalid: (p) =>
    `The cloud of datacenter "${p.datacenter}" refused these settings: ${p.why}. Check the auth path, user name, password, domains and project; nothing was saved.`,
  cloud_credentials_rejected: (p) =>
    `The cloud of datacenter "${p.datacenter}" refused the portal's service account: ${p.why}. An administrator must update the datacenter's credentials.`,
  cloud_rejected: (p) => `The cloud refused the request: ${p.message}`,
  cloud_forbidden: (p) =>
    `The portal's service account may not do this in datacenter "${p.datacenter}": ${p.message}. Give the account the needed role in the cloud.`,
  cloud_conflict: (p) => `The cloud reports a conflict: ${p.message}`,
  cloud_quota_exceeded: (p) =>
    `The cloud's own quota in datacenter "${p.datacenter}" is exhausted: ${p.message}`,
  cloud_error: (p) =>
    `Datacenter "${p.datacenter}" answered with an error (${p.service}): ${p.message}. Try again shortly.`,
  sync_timeout: (p) =>
    `The inventory sync of datacenter "${p.datacenter}" did not finish within ${p.seconds} s and was stopped. The next run starts within a minute; check the tunnel if this repeats.`,
  sync_internal: (p) =>
    `The inventory sync of datacenter "${p.datacenter}" failed unexpectedly. The worker log has the details (run ${p.runId}).`,
  image_protected: (p) =>
    `Image "${p.image}" is protected and cannot be deleted. Turn protection off first (${p.message}).`,
  image_public_admin_only: () =>
    'Only a platform administrator (compute.admin) may make an image public. Choose private, shared or community.',
  image_upload_content_type: () =>
    'Send the image bytes as the raw request body with Content-Type application/octet-stream.',
  image_upload_too_large: (p) =>
    `The image file is larger than the ${p.limit} the portal accepts. Ask an operator to raise IMAGE_UPLOAD_MAX_BYTES.`,
  image_upload_incomplete: (p) =>
    `The upload of image "${p.image}" stopped before all bytes arrived (${p.detail}). Create the image again and retry.`,
  image_upload_mismatch: (p) =>
    `The cloud stored ${p.stored} bytes of image "${p.image}" but ${p.sent} were sent. Delete it and upload again.`,
  image_not_queued: (p) =>
    `Image "${p.image}" already has data (status ${p.status}). Create a new image to upload other bytes.`,
  image_busy: (p) =>
    `Image "${p.image}" is being changed by another task (${p.action}). Wait until it finishes.`,
  image_task_interrupted: (p) =>
    `The request that carried this image task ended before it finished (${p.detail}). Look at the image and try again.`,
  baremetal_unavailable: (p) =>
    `Datacenter "${p.datacenter}" runs no bare-metal service (Ironic): its catalog has no baremetal endpoint.`,
  app_credentials_unavailable: (p) =>
    `The cloud of datacenter "${p.datacenter}" does not offer application credentials: ${p.message}`,
  server_target_unknown: (p) =>
    `${p.field} "${p.id}" does not exist in datacenter "${p.datacenter}" or this project may not use it. Pick one from the project's list.`,
  task_submit_uncertain: (p) =>
    `The worker stopped while sending "${p.action}" for server "${p.server}", and the server has changed since (${p.detail}), so it was not sent again. Check the server and start the action again if it is still needed.`,
  task_without_target: (p) =>
    `Task ${p.task} names no server. Start the action again from the server page.`,
};

const zh: Catalog = {
  NOT_FOUND: () => '对象不存在或不在您的权限范围内。请检查链接，或联系管理员开通权限。',
  FORBIDDEN: () => '您的角色不允许执行此操作。请联系部门管理员或平台管理员。',
  UNAUTHENTICATED: () => '请重新登录。',
  CONFLICT: () => '与已有对象冲突，请换一个名称。',
  VALIDATION: () => '部分字段不正确，请按提示修改后重试。',
  QUOTA_EXCEEDED: () => '超出配额。请减少数量，或申请更大的配额。',
  PRECONDITION_FAILED: () => '当前状态下无法执行此操作。',
  RATE_LIMITED: () => '请求过于频繁，请稍后再试。',
  UPSTREAM_UNAVAILABLE: () => '平台依赖的服务暂时不可用，请稍后重试。',
  INTERNAL: (p) => `系统内部错误。请将请求编号 ${p.requestId ?? ''} 提供给技术支持。`,
  invalid_token: () => 'API 令牌无效或已过期，请在“API 令牌”中重新创建。',
  monitoring_not_configured: (p) =>
    `数据中心“${p.datacenter}”的代理后面没有配置 InfluxDB，因此没有监控图表。请在代理的 agent.json 中设置 router.upstreams.influx 并重启代理（见 docs/monitoring.md）。`,
  monitoring_unavailable: (p) =>
    `数据中心“${p.datacenter}”的 InfluxDB 没有响应图表查询（${p.why}）。请在代理所在主机上检查（yunguan-agent status）。`,
  datacenter_offline: (p) =>
    `无法连接数据中心“${p.datacenter}”：${p.why}。请确认其 agent 正在运行（yunguan-agent status），并在“数据中心”页面查看隧道是否在线。`,
  enrollment_token_invalid: () =>
    '注册令牌无效、已使用、已撤销或已过期，请在“数据中心”页面重新生成。',
  no_gateway: () => '没有运行中的隧道网关，agent 无处连接。请先启动 tunnel-gateway 再重试。',
  port_range_full: () => '隧道端口范围已用尽。请扩大 TUNNEL_PORT_RANGE 或删除不用的数据中心。',
  agent_not_enrolled: () => '该数据中心既没有在用的 agent，也没有待使用的注册令牌，无需撤销。',
  agent_not_enrolled_yet: (p) =>
    `数据中心“${p.datacenter}”尚未注册 agent。请在数据中心内执行注册令牌对应的安装命令。`,
  invalid_public_key: () => '公钥不是有效的 ssh-ed25519 公钥。',
  invalid_credentials: () =>
    '用户名或密码错误，或账户已被临时锁定（连续 5 次失败将锁定 15 分钟）。',
  totp_invalid: () => '验证码错误或已过期，请输入身份验证器中的当前验证码。',
  session_expired: () => '会话已过期，请重新登录。',
  csrf: () => '页面已过期（安全令牌不匹配），请刷新页面后重试。',
  name_taken: (p) => `名称“${p.name}”已被使用${p.in ? `（${p.in}）` : ''}，请换一个名称。`,
  username_taken: (p) => `用户名“${p.username}”已被占用，请换一个。`,
  role_in_use: (p) => `该角色仍有 ${p.count} 个授权，请先移除。`,
  built_in_role: () => '内置角色不可修改或删除，请新建自定义角色。',
  assignment_unknown_role: (p) => `第 ${p.index} 个角色授权：角色不存在，请从角色列表中选择。`,
  assignment_scope_not_allowed: (p) =>
    `第 ${p.index} 个角色授权：该角色不能在此范围授予（部门管理员→部门；项目管理员和成员→项目）。`,
  assignment_platform_has_target: (p) => `第 ${p.index} 个角色授权：平台角色不需要指定部门或项目。`,
  assignment_missing_target: (p) => `第 ${p.index} 个角色授权：请选择角色作用的部门或项目。`,
  assignment_outside_department: (p) =>
    `第 ${p.index} 个角色授权：只能在用户所属部门及其项目中授予角色。`,
  cannot_delete_self: () => '不能删除自己的账户。',
  wrong_password: () => '当前密码错误。',
  totp_not_started: () => '请先开始身份验证器绑定。',
  totp_already_enabled: () => '双因素认证已开启。如需重新绑定，请先关闭。',
  quota_exists: (p) => `此处已设置 ${p.resource} 配额，请直接修改。`,
  project_exceeds_department: (p) =>
    `${p.resource} 配额 ${p.limit} 超出部门剩余额度（剩余 ${p.remaining}，部门总额 ${p.departmentLimit}）。请调低，或先提高部门配额。`,
  project_unlimited_in_limited_department: (p) =>
    `部门的 ${p.resource} 配额限制为 ${p.departmentLimit}，项目不能设为不限，请填写具体数值。`,
  department_has_unlimited_project: (p) =>
    `项目“${p.project}”的 ${p.resource} 配额为不限，请先为其设定数值，再限制部门配额。`,
  department_below_allocated: (p) =>
    `项目已分配 ${p.allocated} 的 ${p.resource}，部门配额不能设为 ${p.limit}。请先调低项目配额。`,
  quota_exceeded: (p) =>
    `超出项目的 ${p.resource} 配额：上限 ${p.limit}，已使用 ${p.used}（含创建中的云主机），本次需要 ${p.requested}。请减少数量，或申请更大的配额。`,
  resource_busy: (p) =>
    `“${p.name}”正在执行 ${p.action}（任务 ${p.taskId}），请等该任务结束后再试。`,
  task_interrupted_mid_call: (p) =>
    `任务在步骤“${p.step}”调用云平台时中断。为避免重复执行，未再次发送。请检查该对象后重新操作。`,
  task_without_handler: (p) => `平台没有任务动作 ${p.action} 的处理代码，请联系技术支持。`,
  task_input_invalid: (p) =>
    `该 ${p.action} 任务保存的请求与任务所需内容不再一致（${p.detail}），未向云平台发送任何请求。请重新发起操作。`,
  task_not_held: (p) => `任务“${p.task}”已不在待审批状态（当前为 ${p.status}），无法放行或取消。`,
  task_cancelled: (p) => `已由 ${p.by} 取消：${p.reason}`,
  server_busy: (p) =>
    `云主机“${p.server}”上还有任务（${p.action}，${p.taskId}）在执行，请等待其完成。`,
  server_wrong_state: (p) =>
    `云主机“${p.server}”当前状态为 ${p.status}；“${p.action}”要求状态为：${p.allowed}。`,
  server_locked: (p) => `云主机“${p.server}”已锁定，请先解锁。`,
  server_already_locked: (p) => `云主机“${p.server}”已处于锁定状态。`,
  server_not_locked: (p) => `云主机“${p.server}”未锁定。`,
  server_gone: (p) => `云主机“${p.server}”已被删除。`,
  console_ticket_invalid: () => '控制台链接已过期或已被使用，请重新打开控制台。',
  datacenter_unsupported_action: (p) => `数据中心“${p.datacenter}”不支持“${p.action}”操作。`,
  flavor_unknown: (p) =>
    `数据中心“${p.datacenter}”中不存在规格“${p.flavor}”，请从其规格列表中选择。`,
  idempotency_key_reused: () => '该 Idempotency-Key 已用于另一个不同的请求，请使用新的键。',
  cloud_operation_failed: (p) => `云平台未能完成操作：${p.detail}`,
  cloud_request_failed: (p) => `数据中心拒绝了请求：${p.detail}`,
  task_timed_out: (p) =>
    `操作未在 ${p.minutes} 分钟内完成；云平台最后报告：${p.detail}。请检查云主机后重试。`,
  task_gave_up: (p) =>
    `任务在中断后已重试 ${p.attempts} 次，已放弃（${p.detail}）。请检查云主机后重试。`,
  task_interrupted: (p) => `任务被中断（${p.detail}），无法继续。请检查云主机后重试。`,
  datacenter_credentials_missing: (p) =>
    `数据中心“${p.datacenter}”尚未设置云平台服务账号，请在“数据中心”页面设置（凭据）。`,
  datacenter_kind_unsupported: (p) =>
    `数据中心“${p.datacenter}”的类型是 ${p.kind}，目前门户只管理 OpenStack 数据中心。`,
  cloud_credentials_invalid: (p) =>
    `数据中心“${p.datacenter}”的云平台拒绝了这些设置：${p.why}。请检查认证路径、用户名、密码、域和项目；未保存任何内容。`,
  cloud_credentials_rejected: (p) =>
    `数据中心“${p.datacenter}”的云平台拒绝了门户的服务账号：${p.why}。请管理员更新该数据中心的凭据。`,
  cloud_rejected: (p) => `云平台拒绝了请求：${p.message}`,
  cloud_forbidden: (p) =>
    `门户的服务账号无权在数据中心“${p.datacenter}”执行此操作：${p.message}。请在云平台为该账号授予所需角色。`,
  cloud_conflict: (p) => `云平台报告冲突：${p.message}`,
  cloud_quota_exceeded: (p) => `数据中心“${p.datacenter}”的云平台自身配额已用尽：${p.message}`,
  cloud_error: (p) =>
    `数据中心“${p.datacenter}”返回错误（${p.service}）：${p.message}。请稍后重试。`,
  sync_timeout: (p) =>
    `数据中心“${p.datacenter}”的资源同步未在 ${p.seconds} 秒内完成，已停止。下一次同步将在一分钟内开始；如反复出现，请检查隧道。`,
  sync_internal: (p) =>
    `数据中心“${p.datacenter}”的资源同步意外失败，详情见 worker 日志（运行 ${p.runId}）。`,
  image_protected: (p) => `镜像“${p.image}”受保护，无法删除。请先取消保护（${p.message}）。`,
  image_public_admin_only: () =>
    '只有平台管理员（compute.admin）可以将镜像设为公有。请选择私有、共享或社区。',
  image_upload_content_type: () =>
    '请以原始请求体上传镜像文件，Content-Type 为 application/octet-stream。',
  image_upload_too_large: (p) =>
    `镜像文件超过门户允许的 ${p.limit}。请联系运维调大 IMAGE_UPLOAD_MAX_BYTES。`,
  image_upload_incomplete: (p) =>
    `镜像“${p.image}”的上传在全部数据到达前中断（${p.detail}）。请重新创建镜像后再上传。`,
  image_upload_mismatch: (p) =>
    `云平台为镜像“${p.image}”保存了 ${p.stored} 字节，但发送的是 ${p.sent} 字节。请删除后重新上传。`,
  image_not_queued: (p) =>
    `镜像“${p.image}”已有数据（状态 ${p.status}）。如需上传其他文件，请新建镜像。`,
  image_busy: (p) => `镜像“${p.image}”正被另一个任务（${p.action}）修改，请等待其完成。`,
  image_task_interrupted: (p) =>
    `承载此镜像任务的请求在完成前结束（${p.detail}）。请检查镜像状态后重试。`,
  baremetal_unavailable: (p) =>
    `数据中心“${p.datacenter}”未运行裸金属服务（Ironic）：其服务目录中没有 baremetal 端点。`,
  app_credentials_unavailable: (p) =>
    `数据中心“${p.datacenter}”的云平台不支持应用凭据：${p.message}`,
  server_target_unknown: (p) =>
    `数据中心“${p.datacenter}”中不存在 ${p.field}“${p.id}”，或本项目无权使用。请从本项目的列表中选择。`,
  task_submit_uncertain: (p) =>
    `执行器在向云主机“${p.server}”发送“${p.action}”时中断，且云主机状态已变化（${p.detail}），因此未重复发送。请检查云主机，如仍需要请重新发起操作。`,
  task_without_target: (p) => `任务 ${p.task} 未指明云主机，请从云主机页面重新发起操作。`,
};

const catalogs: Record<Locale, Catalog> = {
  en: {
    ...en,
    ...storageMessagesEn,
    ...notificationMessagesEn,
    ...networkMessagesEn,
    ...lbfwMessagesEn,
    ...hostileMessagesEn,
    ...ownerMessagesEn,
  },
  'zh-CN': {
    ...zh,
    ...storageMessagesZh,
    ...notificationMessagesZh,
    ...networkMessagesZh,
    ...lbfwMessagesZh,
    ...ownerMessagesZh,
    ...hostileMessagesZh,
  },
};

/** Render the user-facing message for an error in the user's language. */
export const renderMessage = (
  locale: Locale,
  code: ErrorCode,
  reason?: string,
  params: Params = {},
): string => {
  const catalog = catalogs[locale];
  const byReason = reason ? catalog[reason] : undefined;
  return (byReason ?? catalog[code] ?? catalog.INTERNAL!)(params);
};

/** Pick zh-CN or en from an Accept-Language header or a stored preference (zh-CN default). */
export const pickLocale = (value: string | undefined | null): Locale => {
  if (!value) return 'zh-CN';
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
};
