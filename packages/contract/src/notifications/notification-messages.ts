type Params = Record<string, string | number>;
type Catalog = Record<string, (p: Params) => string>;

/** Reasons of the notification API (M2.1, ADR 0119), merged into messages.ts. */
export const notificationMessagesEn: Catalog = {
  email_invalid: (p) => `"${p.value}" is not an email address such as ops@example.com.`,
  smtp_host_invalid: (p) =>
    `"${p.value}" is not a host name or IP address of an SMTP server (e.g. smtp.example.com).`,
  pem_invalid: () =>
    'The CA certificate must be PEM text starting with -----BEGIN CERTIFICATE-----.',
  webhook_url_invalid: (p) =>
    `"${p.value}" is not a webhook URL: write a full http:// or https:// address such as https://hooks.example.com/yunguan.`,
  base_url_invalid: (p) =>
    `"${p.value}" is not a base URL such as https://qyapi.weixin.qq.com (http or https, no path after the host is needed).`,
  wecom_key_invalid: () =>
    "The WeCom robot key is the key=… part of the robot's webhook address (8-4-4-4-12 letters and digits, e.g. 693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa). Paste the key or the whole address.",
  wecom_corp_id_invalid: (p) =>
    `"${p.value}" is not a WeCom corp id: it starts with "ww" or "wx" followed by letters and digits (My Company → Company Info).`,
  wecom_party_invalid: () => 'Departments are WeCom department ids separated by | (e.g. 2|3).',
  webhook_secret_short: () =>
    'The signing secret needs at least 16 characters; use a random string.',
  secret_required: (p) => `The ${p.field} is required for a new channel.`,
  channel_kind_mismatch: (p) =>
    `This channel is a ${p.kind} channel; its kind cannot be changed. Create a new channel instead.`,
  channel_disabled: (p) => `Channel "${p.channel}" is disabled. Enable it first.`,
  test_recipient_missing: (p) =>
    p.kind === 'email'
      ? 'Give an address to send the test to (your account has no email address).'
      : 'Give a WeCom user id to send the test to (your account has no WeCom user id).',
  event_type_unknown: (p) => `"${p.value}" is not a notification event type. Known: ${p.known}.`,
  template_syntax: (p) => `The template cannot be read: ${p.detail}.`,
  template_construct: (p) =>
    `Templates may only place variables such as {{rule}}; ${p.construct} (sections, partials) is not allowed.`,
  template_unknown_variable: (p) =>
    `{{${p.variable}}} is not a variable of this event. Use one of: ${p.known}.`,
  demo_mailbox_off: () =>
    'The demo mailbox runs only with npm run demo (DEMO_SMTP_PORT is not set).',
};

export const notificationMessagesZh: Catalog = {
  email_invalid: (p) => `“${p.value}”不是有效的邮箱地址，例如 ops@example.com。`,
  smtp_host_invalid: (p) =>
    `“${p.value}”不是 SMTP 服务器的主机名或 IP 地址（例如 smtp.example.com）。`,
  pem_invalid: () => 'CA 证书须为以 -----BEGIN CERTIFICATE----- 开头的 PEM 文本。',
  webhook_url_invalid: (p) =>
    `“${p.value}”不是有效的 Webhook 地址：请填写完整的 http:// 或 https:// 地址，例如 https://hooks.example.com/yunguan。`,
  base_url_invalid: (p) =>
    `“${p.value}”不是有效的基础地址，例如 https://qyapi.weixin.qq.com（http 或 https）。`,
  wecom_key_invalid: () =>
    '企业微信机器人 key 是机器人 Webhook 地址中 key= 后面的部分（8-4-4-4-12 位字母数字，例如 693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa）。可粘贴 key 或完整地址。',
  wecom_corp_id_invalid: (p) =>
    `“${p.value}”不是企业微信的企业 ID：以 ww 或 wx 开头，后接字母数字（在“我的企业 → 企业信息”中查看）。`,
  wecom_party_invalid: () => '部门须为以 | 分隔的企业微信部门 ID（例如 2|3）。',
  webhook_secret_short: () => '签名密钥至少 16 个字符，请使用随机字符串。',
  secret_required: (p) => `新建通道时必须填写${p.field}。`,
  channel_kind_mismatch: (p) => `该通道类型为 ${p.kind}，不能修改类型。请新建一个通道。`,
  channel_disabled: (p) => `通道“${p.channel}”已停用，请先启用。`,
  test_recipient_missing: (p) =>
    p.kind === 'email'
      ? '请填写测试消息的收件地址（您的账户没有邮箱地址）。'
      : '请填写测试消息的企业微信用户 ID（您的账户没有企业微信用户 ID）。',
  event_type_unknown: (p) => `“${p.value}”不是通知事件类型。可用：${p.known}。`,
  template_syntax: (p) => `模板无法解析：${p.detail}。`,
  template_construct: (p) =>
    `模板中只能使用 {{rule}} 这样的变量；不允许 ${p.construct}（区块、引用）。`,
  template_unknown_variable: (p) => `{{${p.variable}}} 不是该事件的变量。可用：${p.known}。`,
  demo_mailbox_off: () => '演示邮箱只在 npm run demo 时运行（未设置 DEMO_SMTP_PORT）。',
};

/** A zod refinement option that carries a reason the API renders in the caller's language. */
export const because = (reason: string, params: Params = {}) => ({
  message: notificationMessagesEn[reason]?.(params) ?? reason,
  params: { reason, ...params },
});
