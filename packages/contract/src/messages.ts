import type { ErrorCode } from '@yunguan/domain';

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
  department_not_empty: (p) =>
    `The department still has ${p.projects} project(s) and ${p.users} user(s). Move or delete them first.`,
  project_not_empty: (p) => `The project still has ${p.resources} resource(s). Delete them first.`,
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
  department_not_empty: (p) =>
    `该部门仍有 ${p.projects} 个项目和 ${p.users} 个用户，请先迁移或删除。`,
  project_not_empty: (p) => `该项目仍有 ${p.resources} 个资源，请先删除。`,
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
};

const catalogs: Record<Locale, Catalog> = { en, 'zh-CN': zh };

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
