import { describe, expect, test } from 'vitest';
import {
  serverActionInput,
  serverActionRefusal,
  serverActionsAllowed,
} from './server-action.schema';

describe('server action rules', () => {
  test('start only from stopped, stop not from stopped', () => {
    expect(serverActionRefusal('start', { status: 'active', locked: false })).toBe('wrong_state');
    expect(serverActionRefusal('start', { status: 'stopped', locked: false })).toBeNull();
    expect(serverActionRefusal('stop', { status: 'stopped', locked: false })).toBe('wrong_state');
  });

  test('a locked server allows only unlock; lock twice is refused', () => {
    const locked = { status: 'active' as const, locked: true };
    expect(serverActionsAllowed(locked)).toEqual(['unlock']);
    expect(serverActionRefusal('delete', locked)).toBe('locked');
    expect(serverActionRefusal('lock', locked)).toBe('already_locked');
    expect(serverActionRefusal('unlock', { status: 'active', locked: false })).toBe('not_locked');
  });

  test('confirm and revert only while a resize waits for verification', () => {
    expect(serverActionsAllowed({ status: 'verify-resize', locked: false })).toEqual(
      expect.arrayContaining(['confirm-resize', 'revert-resize', 'delete']),
    );
    expect(serverActionRefusal('confirm-resize', { status: 'active', locked: false })).toBe(
      'wrong_state',
    );
  });

  test('a deleted server allows nothing', () => {
    expect(serverActionsAllowed({ status: 'deleted', locked: false })).toEqual([]);
  });

  test('inputs: reboot defaults to soft, resize needs a flavor, unknown actions fail', () => {
    expect(serverActionInput.parse({ action: 'reboot' })).toEqual({
      action: 'reboot',
      hard: false,
    });
    expect(serverActionInput.safeParse({ action: 'resize' }).success).toBe(false);
    expect(serverActionInput.safeParse({ action: 'explode' }).success).toBe(false);
  });
});
