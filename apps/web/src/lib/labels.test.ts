import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import type { MessageKey, Translate } from '../i18n/i18n-provider';
import { zhCN } from '../i18n/zh-cn';
import {
  auditSentence,
  kindLabel,
  statusLabel,
  stepDetail,
  taskActionLabel,
  taskVerbLabel,
} from './labels';
import { taskObjectHref } from './task-links';

const translator =
  (dict: Record<MessageKey, string>): Translate =>
  (key, vars) =>
    vars
      ? dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))
      : dict[key];
const zh = translator(zhCN);
const enT = translator(en);

describe('labels', () => {
  it('names statuses of every kind in Chinese, the cloud’s upper-case words too', () => {
    expect(statusLabel(zh, 'server', 'active')).toBe('运行中');
    expect(statusLabel(zh, 'volume', 'in-use')).toBe('使用中');
    expect(statusLabel(zh, 'volume', 'available')).toBe('可用');
    expect(statusLabel(zh, 'network', 'ACTIVE')).toBe('正常');
    expect(statusLabel(zh, 'image', 'active')).toBe('正常');
    expect(statusLabel(zh, 'security-group', '')).toBe('—');
    expect(statusLabel(zh, 'network', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('names task verbs of servers, storage and network objects', () => {
    expect(taskVerbLabel(zh, 'server.reboot')).toBe('重启');
    expect(taskVerbLabel(zh, 'volume.attach')).toBe('挂载');
    // Create and delete are one word for every kind (not 创建云硬盘 beside 云硬盘).
    expect(taskVerbLabel(zh, 'volume.create')).toBe('创建');
    expect(taskVerbLabel(zh, 'volume-snapshot.delete')).toBe('删除');
    expect(taskActionLabel(zh, 'volume.create')).toBe('创建 · 云硬盘');
    expect(taskVerbLabel(zh, 'router.add-interface')).toBe('添加接口');
    expect(taskActionLabel(zh, 'volume.attach')).toBe('挂载 · 云硬盘');
    expect(taskActionLabel(enT, 'server.create')).toMatch(/server$/);
    expect(kindLabel(zh, 'floating-ip')).toBe('浮动 IP');
  });

  it('reads audit rows as sentences, with unknown actions kept as their code', () => {
    const row = {
      actorName: 'rd-lead',
      action: 'server.create',
      targetType: 'server',
      targetName: 'jweb-04',
      result: 'success' as const,
    };
    expect(auditSentence(zh, row)).toBe('rd-lead 创建了云主机 jweb-04');
    expect(auditSentence(enT, row)).toBe('rd-lead created server jweb-04');
    expect(auditSentence(zh, { ...row, action: 'auth.login', targetType: 'session' })).toBe(
      'rd-lead 登录了控制台',
    );
    expect(
      auditSentence(zh, {
        ...row,
        action: 'quota.update',
        targetType: 'quota',
        targetName: 'web-shop/volume_gb',
      }),
    ).toBe('rd-lead 修改了配额 web-shop · 云硬盘容量（GB）');
    expect(auditSentence(zh, { ...row, action: 'widget.frobnicate', result: 'failure' })).toBe(
      'rd-lead · widget.frobnicate · jweb-04（失败）',
    );
  });

  it('sends a task to its object’s page, or to the list once the object is deleted', () => {
    const task = {
      targetType: 'volume',
      resourceId: 'r1',
      status: 'succeeded',
      action: 'volume.attach',
    };
    expect(taskObjectHref(task)).toBe('/console/storage/volumes/r1');
    expect(taskObjectHref({ ...task, action: 'volume.delete' })).toBe('/console/storage/volumes');
    expect(taskObjectHref({ ...task, targetType: 'volume-snapshot' })).toBe(
      '/console/storage/snapshots',
    );
    expect(taskObjectHref({ ...task, targetType: 'server', action: 'server.stop' })).toBe(
      '/console/compute/servers/r1',
    );
  });

  it('renders task steps stored as keys in the reader’s language; old rows keep their words', () => {
    const step = {
      key: 'record',
      status: 'succeeded' as const,
      startedAt: null,
      finishedAt: null,
      detail: 'jweb-04 is SHUTOFF',
      message: { key: 'status-of', params: { kind: 'server', name: 'jweb-04', status: 'SHUTOFF' } },
    };
    expect(stepDetail(zh, 'zh-CN', step)).toBe('云主机 jweb-04：已关机');
    expect(stepDetail(enT, 'en', step)).toBe('jweb-04 is SHUTOFF');
    const accepted = { ...step, message: { key: 'accepted', params: { verb: 'stop' } } };
    expect(stepDetail(zh, 'zh-CN', accepted)).toBe('云平台已受理：关机');
    // Written before keys existed, or by a newer worker with a key this build does not know.
    expect(stepDetail(zh, 'zh-CN', { ...step, message: undefined })).toBe('jweb-04 is SHUTOFF');
    expect(stepDetail(zh, 'zh-CN', { ...step, message: { key: 'new-key', params: {} } })).toBe(
      'jweb-04 is SHUTOFF',
    );
    // A failed step reads as the task's error (already in the reader's language).
    const failed = { ...step, status: 'failed' as const, message: undefined };
    const error = { reason: 'cloud_operation_failed', params: {}, message: '云平台操作失败' };
    expect(stepDetail(zh, 'zh-CN', failed, { error })).toBe('云平台操作失败');
  });
});
