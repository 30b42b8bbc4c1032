import {
  renderStepMessage,
  serverStatuses,
  type StepWords,
  type Task,
  type TaskStep,
} from '@yunguan/contract';
import type { Lang } from './preferences';
import type { MessageKey, Translate } from '../i18n/i18n-provider';
import { labelsZhCN } from '../i18n/labels.zh-cn';
import { storageZhCN } from '../i18n/storage.zh-cn';
import { zhCN } from '../i18n/zh-cn';

/**
 * The one place that turns codes into words (zh-CN and en): object kinds, statuses, task verbs and
 * results, audit actions and targets. A code without words is shown as it is (and a test sweeps
 * the zh-CN console for English left on screen).
 */
const has = (key: string): key is MessageKey => key in zhCN;

const storageKinds = new Set(['volume', 'volume-snapshot', 'volume-backup']);
const serverStatusSet = new Set<string>(serverStatuses);

/** "volume-snapshot" → 云硬盘快照. */
export const kindLabel = (t: Translate, kind: string): string => {
  const key = `kind.${kind}`;
  return has(key) ? t(key) : kind;
};

/** Nova's own words (a task's step names them) → the portal's server status. */
const novaStatuses: Record<string, string> = {
  ACTIVE: 'active',
  BUILD: 'building',
  SHUTOFF: 'stopped',
  STOPPED: 'stopped',
  PAUSED: 'paused',
  SUSPENDED: 'suspended',
  SHELVED: 'shelved',
  SHELVED_OFFLOADED: 'shelved',
  REBOOT: 'rebooting',
  HARD_REBOOT: 'rebooting',
  RESIZE: 'resizing',
  VERIFY_RESIZE: 'verify-resize',
  REVERT_RESIZE: 'reverting-resize',
  MIGRATING: 'migrating',
  REBUILD: 'rebuilding',
  DELETED: 'deleted',
  SOFT_DELETED: 'deleted',
  ERROR: 'error',
  UNKNOWN: 'unknown',
};

/** Texts a cloud writes by itself (a project's default security group) → words with context. */
const cloudDefaults: Record<string, MessageKey> = {
  'Default security group': 'cloud.default.securityGroup',
};

/** A description the cloud wrote, in the reader's language when it is one of the cloud's own. */
export const cloudText = (t: Translate, text: string): string => {
  const key = cloudDefaults[text.trim()];
  return key ? t(key) : text;
};

/** A task's or cloud status of any object in words (server, storage and the cloud's upper-case). */
export const statusLabel = (t: Translate, kind: string, status: string): string => {
  if (!status) return t('status.none');
  const server = kind === 'server' ? (novaStatuses[status] ?? status) : status;
  if (kind === 'server' && serverStatusSet.has(server))
    return t(`server.status.${server}` as MessageKey);
  if (storageKinds.has(kind) && `storage.status.${status}` in storageZhCN)
    return t(`storage.status.${status}` as MessageKey);
  const upper = `status.${status.toUpperCase()}`;
  if (upper in labelsZhCN) return t(upper as MessageKey);
  const lower = `storage.status.${status}`;
  return lower in storageZhCN ? t(lower as MessageKey) : status;
};

/** `server.reboot` → 重启; `volume-snapshot.create` → 创建; `router.add-interface` → 添加接口. */
export const taskVerbLabel = (t: Translate, action: string): string => {
  const dot = action.indexOf('.');
  const kind = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  // Create and delete read the same for every kind (the object names its kind beside them).
  const plain = verb === 'create' || verb === 'delete';
  const candidates = [
    plain ? `net.verb.${verb}` : '',
    kind === 'server' ? `server.action.${verb}` : '',
    kind === 'volume-snapshot' ? `snapshot.action.${verb}` : '',
    kind === 'volume-backup' ? `backup.action.${verb}` : '',
    kind === 'volume' ? `volume.action.${verb}` : '',
    `net.verb.${verb}`,
  ];
  const key = candidates.find((k) => k && has(k));
  return key ? t(key as MessageKey) : action;
};

/** `volume.attach` → "挂载 · 云硬盘" (the verb and the kind of object). */
export const taskActionLabel = (t: Translate, action: string): string =>
  `${taskVerbLabel(t, action)} · ${kindLabel(t, action.slice(0, action.indexOf('.')))}`;

export const taskStatusLabel = (t: Translate, status: string): string => {
  const key = `task.status.${status}`;
  return has(key) ? t(key) : status;
};

/** The name of an audit target; a quota reads "<owner> · <resource words>". */
export const auditTargetLabel = (
  t: Translate,
  event: { targetType: string; targetName: string | null },
): string => {
  const name = event.targetName ?? '';
  if (event.targetType === 'quota') {
    const slash = name.lastIndexOf('/');
    const resource = name.slice(slash + 1);
    const key = `quotas.res.${resource}`;
    if (slash > 0 && has(key)) return `${name.slice(0, slash)} · ${t(key)}`;
  }
  return name;
};

const auditVerbOf = (action: string): string => {
  if (action === 'auth.login') return 'login';
  if (action === 'auth.logout') return 'logout';
  if (action === 'auth.login-failed') return 'login-failed';
  return action.slice(action.indexOf('.') + 1);
};

/** Verbs that need no object in the sentence (the actor did it to themself). */
const selfVerbs = new Set([
  'login',
  'logout',
  'login-failed',
  'change-password',
  'enable-totp',
  'disable-totp',
]);

/**
 * An audit row as a sentence: "rd-lead 创建了云主机 jweb-04" / "rd-lead created server jweb-04".
 * Unknown actions keep their code in the sentence so nothing is hidden.
 */
export const auditSentence = (
  t: Translate,
  event: {
    actorName: string;
    action: string;
    targetType: string;
    targetName: string | null;
    result: 'success' | 'failure';
  },
): string => {
  const verb = auditVerbOf(event.action);
  const verbKey = `audit.verb.${verb}`;
  const failed = event.result === 'failure' ? t('audit.failedSuffix') : '';
  if (!has(verbKey)) {
    const target = auditTargetLabel(t, event);
    return `${event.actorName} · ${event.action}${target ? ` · ${target}` : ''}${failed}`;
  }
  if (selfVerbs.has(verb))
    return t('audit.sentenceNoTarget', { actor: event.actorName, verb: t(verbKey) }) + failed;
  const kind = event.action.slice(0, event.action.indexOf('.')) || event.targetType;
  return (
    t('audit.sentence', {
      actor: event.actorName,
      verb: t(verbKey),
      kind: kindLabel(t, kind),
      name: auditTargetLabel(t, event),
    }).trimEnd() + failed
  );
};

/** How task step messages name kinds, statuses and verbs in the reader's language. */
export const stepWordsOf = (t: Translate): StepWords => ({
  kind: (kind) => kindLabel(t, kind),
  status: (kind, status) => statusLabel(t, kind, status),
  verb: (action) => taskVerbLabel(t, action),
});

/**
 * What a task step says, in the reader's language: a failed step reads as the task's error
 * (rendered by the API in the reader's language); a step with a message key is rendered here;
 * a step stored before keys existed (or with a key this build does not know) shows its words.
 */
export const stepDetail = (
  t: Translate,
  lang: Lang,
  step: TaskStep,
  task?: Pick<Task, 'error'>,
): string | null => {
  if (step.status === 'failed' && task?.error) return task.error.message;
  if (step.message) {
    const text = renderStepMessage(lang, step.message, stepWordsOf(t));
    if (text !== null) return text;
  }
  return step.detail;
};
