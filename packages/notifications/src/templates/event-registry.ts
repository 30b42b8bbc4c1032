/**
 * Every event the portal notifies about: the variables its templates may use (with a sample
 * value for previews and "send test") and the built-in text in zh-CN and en. Administrators
 * may replace the text per language (notification_template); the variables are fixed here.
 */
export type Locale = 'zh-CN' | 'en';
export type TemplateText = { subject: string; body: string };
export type EventDefinition = {
  type: string;
  variables: Record<string, { sample: string; en: string; zh: string }>;
  defaults: Record<Locale, TemplateText>;
};

const common = {
  portalUrl: { sample: 'https://yunguan.example.com', en: 'portal address', zh: '门户地址' },
  time: { sample: '2026-12-07 18:00:00 UTC', en: 'when it happened', zh: '发生时间' },
};

const defineEvents = <const T extends readonly EventDefinition[]>(events: T) => events;

export const eventDefinitions = defineEvents([
  {
    type: 'alert.firing',
    variables: {
      ...common,
      rule: { sample: 'CPU > 80 %', en: 'alert rule', zh: '告警规则' },
      resource: { sample: 'web-01', en: 'resource', zh: '资源' },
      value: { sample: '93.5 %', en: 'current value', zh: '当前值' },
      threshold: { sample: '80 %', en: 'threshold', zh: '阈值' },
      severity: { sample: 'critical', en: 'severity', zh: '级别' },
    },
    defaults: {
      'zh-CN': {
        subject: '[告警] {{rule}} — {{resource}}',
        body: '**{{rule}}** 已触发\n> 资源：{{resource}}\n> 当前值：{{value}}（阈值 {{threshold}}）\n> 级别：{{severity}}\n> 时间：{{time}}\n\n{{portalUrl}}',
      },
      en: {
        subject: '[Alert] {{rule}} — {{resource}}',
        body: '**{{rule}}** is firing\n> Resource: {{resource}}\n> Value: {{value}} (threshold {{threshold}})\n> Severity: {{severity}}\n> Time: {{time}}\n\n{{portalUrl}}',
      },
    },
  },
  {
    type: 'alert.resolved',
    variables: {
      ...common,
      rule: { sample: 'CPU > 80 %', en: 'alert rule', zh: '告警规则' },
      resource: { sample: 'web-01', en: 'resource', zh: '资源' },
      value: { sample: '41.2 %', en: 'current value', zh: '当前值' },
    },
    defaults: {
      'zh-CN': {
        subject: '[恢复] {{rule}} — {{resource}}',
        body: '**{{rule}}** 已恢复\n> 资源：{{resource}}\n> 当前值：{{value}}\n> 时间：{{time}}\n\n{{portalUrl}}',
      },
      en: {
        subject: '[Resolved] {{rule}} — {{resource}}',
        body: '**{{rule}}** has resolved\n> Resource: {{resource}}\n> Value: {{value}}\n> Time: {{time}}\n\n{{portalUrl}}',
      },
    },
  },
  {
    type: 'task.failed',
    variables: {
      ...common,
      action: { sample: 'server.create', en: 'action', zh: '操作' },
      target: { sample: 'web-01', en: 'object', zh: '对象' },
      project: { sample: 'web-shop', en: 'project', zh: '项目' },
      reason: { sample: 'No valid host was found.', en: 'reason', zh: '原因' },
    },
    defaults: {
      'zh-CN': {
        subject: '[任务失败] {{action}} {{target}}',
        body: '项目 {{project}} 的任务 **{{action}} {{target}}** 失败。\n> 原因：{{reason}}\n> 时间：{{time}}\n\n{{portalUrl}}',
      },
      en: {
        subject: '[Task failed] {{action}} {{target}}',
        body: 'Task **{{action}} {{target}}** of project {{project}} failed.\n> Reason: {{reason}}\n> Time: {{time}}\n\n{{portalUrl}}',
      },
    },
  },
  {
    type: 'workorder.pending',
    variables: {
      ...common,
      title: { sample: '申请 4 台云主机', en: 'work order title', zh: '工单标题' },
      requester: { sample: 'rd-dev', en: 'requested by', zh: '申请人' },
      level: { sample: '1 / 2', en: 'approval level', zh: '审批级别' },
    },
    defaults: {
      'zh-CN': {
        subject: '[待审批] {{title}}',
        body: '工单 **{{title}}** 等待您审批（第 {{level}} 级）。\n> 申请人：{{requester}}\n> 时间：{{time}}\n\n{{portalUrl}}',
      },
      en: {
        subject: '[Approval needed] {{title}}',
        body: 'Work order **{{title}}** awaits your approval (level {{level}}).\n> Requested by: {{requester}}\n> Time: {{time}}\n\n{{portalUrl}}',
      },
    },
  },
  {
    type: 'billing.low-balance',
    variables: {
      ...common,
      account: { sample: '研发部 / web-shop', en: 'billing account', zh: '计费账户' },
      balance: { sample: '¥ 120.00', en: 'balance', zh: '余额' },
      hoursLeft: { sample: '6', en: 'hours left at the current rate', zh: '按当前速率可用小时数' },
    },
    defaults: {
      'zh-CN': {
        subject: '[余额不足] {{account}}',
        body: '账户 **{{account}}** 余额为 {{balance}}，按当前消耗约可使用 {{hoursLeft}} 小时，请及时充值。\n> 时间：{{time}}\n\n{{portalUrl}}',
      },
      en: {
        subject: '[Low balance] {{account}}',
        body: 'Account **{{account}}** has {{balance}} left, about {{hoursLeft}} hours at the current rate. Please recharge.\n> Time: {{time}}\n\n{{portalUrl}}',
      },
    },
  },
  {
    type: 'channel.test',
    variables: {
      ...common,
      channel: { sample: 'ops-mail', en: 'channel name', zh: '通道名称' },
      requester: { sample: 'admin', en: 'sent by', zh: '发送人' },
    },
    defaults: {
      'zh-CN': {
        subject: '[测试] 通知通道 {{channel}}',
        body: '这是 {{requester}} 从云管发送的测试消息，说明通道 **{{channel}}** 可以送达。\n> 时间：{{time}}\n\n{{portalUrl}}',
      },
      en: {
        subject: '[Test] notification channel {{channel}}',
        body: 'This is a test message {{requester}} sent from Yunguan: channel **{{channel}}** delivers.\n> Time: {{time}}\n\n{{portalUrl}}',
      },
    },
  },
]);

export type EventType = (typeof eventDefinitions)[number]['type'];
export const eventTypes = eventDefinitions.map((e) => e.type) as [EventType, ...EventType[]];

export const eventDefinition = (type: string): EventDefinition | undefined =>
  eventDefinitions.find((e) => e.type === type);

/** Sample values of an event's variables (previews and "send test"). */
export const sampleParams = (type: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(eventDefinition(type)?.variables ?? {}).map(([k, v]) => [k, v.sample]),
  );
