import { describe, expect, test } from 'vitest';
import { renderMessage } from '../messages';

const render = (locale: 'en' | 'zh-CN', reason: string, params: Record<string, string | number>) =>
  renderMessage(locale, 'PRECONDITION_FAILED', reason, params);

describe('refused deletes name what the owner still holds', () => {
  test('one kind, singular', () => {
    expect(render('en', 'project_not_empty', { name: 'web', server: 1, tasks: 0 })).toBe(
      'The project "web" cannot be deleted: it still owns 1 server. Delete those and wait for unfinished tasks to end, then try again. Nothing was changed.',
    );
    expect(render('zh-CN', 'project_not_empty', { name: 'web', server: 1, tasks: 0 })).toBe(
      '无法删除项目“web”：它仍拥有 1 台云主机。请先删除这些资源并等待未完成的任务结束后再试。未做任何更改。',
    );
  });

  test('members first, mirror types by name, unfinished tasks last; plurals; zero counts left out', () => {
    const params = { name: 'rd', users: 2, projects: 1, volume: 3, 'floating-ip': 1, tasks: 2 };
    expect(render('en', 'department_not_empty', params)).toBe(
      'The department "rd" cannot be deleted: it still owns 1 project, 2 users, 1 floating IP, 3 volumes and 2 unfinished tasks. Delete those (or move the users to another department) and wait for unfinished tasks to end, then try again. Nothing was changed.',
    );
    expect(render('zh-CN', 'department_not_empty', params)).toContain(
      '它仍拥有 1 个项目、2 个用户、1 个浮动 IP、3 个云硬盘、2 个未完成的任务。',
    );
  });

  test('an unknown mirror type is shown by its type name', () => {
    expect(
      render('en', 'datacenter_not_empty', { name: 'dc', 'vmware-vm': 2, tasks: 0 }),
    ).toContain('it still owns 2 vmware-vm.');
    expect(
      render('zh-CN', 'datacenter_not_empty', { name: 'dc', 'vmware-vm': 2, tasks: 0 }),
    ).toContain('它仍拥有 2 个 vmware-vm。');
  });
});
