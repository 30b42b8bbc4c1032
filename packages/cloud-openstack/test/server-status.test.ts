import type { OperationHandle } from '@yunguan/cloud-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { causeIn, followServerOperation } from '../src/adapter/follow-operation';
import { serverStatusOf } from '../src/adapter/server-status';
import { toServerDto } from '../src/adapter/to-dto';
import { ProviderClient } from '../src/provider-client';
import { computeService } from '../src/service-client';
import {
  getServerResult,
  instanceActionDetailResult,
} from '../src/services/compute/v2/servers/results';
import { loadFixture, zedAuth } from './load-fixture';
import { replayFetch, type Exchange } from './recorded-fetch';

// RECORDED server bodies from the simulator (test/fixtures/sim-servers.json): one ACTIVE
// server and one that failed scheduling with a flavor no host can hold.

const recorded = loadFixture('sim-servers.json');
const gets = recorded.filter(
  (e) => e.request.method === 'GET' && /\/servers\/[^/]+$/.test(e.request.url),
);
const [activeGet, errorGet] = gets as [Exchange, Exchange];
const serverIn = (e: Exchange) => getServerResult.parse(JSON.parse(e.response.body)).server;

describe('server status', () => {
  it('maps Nova status and task state to ours', () => {
    expect(serverStatusOf('ACTIVE', null)).toBe('active');
    expect(serverStatusOf('ACTIVE', 'deleting')).toBe('deleting');
    expect(serverStatusOf('ACTIVE', 'powering-off')).toBe('active');
    expect(serverStatusOf('ACTIVE', 'resize_prep')).toBe('resizing');
    expect(serverStatusOf('ACTIVE', 'migrating')).toBe('migrating');
    expect(serverStatusOf('SHUTOFF', null)).toBe('stopped');
    expect(serverStatusOf('VERIFY_RESIZE', null)).toBe('verify-resize');
    expect(serverStatusOf('REVERT_RESIZE', 'resize_reverting')).toBe('reverting-resize');
    expect(serverStatusOf('HARD_REBOOT', 'rebooting_hard')).toBe('rebooting');
    expect(serverStatusOf('SHELVED_OFFLOADED', null)).toBe('shelved');
    expect(serverStatusOf('SOFT_DELETED', null)).toBe('deleted');
    expect(serverStatusOf('BUILD', 'spawning')).toBe('building');
    expect(serverStatusOf('SOMETHING_NEW', null)).toBe('unknown');
  });

  it('reads a recorded ACTIVE server into a ServerDto', () => {
    const dto = toServerDto(serverIn(activeGet));
    expect(dto).toMatchObject({
      name: 'rec-ok',
      status: 'active',
      rawStatus: 'ACTIVE',
      taskState: null,
      flavor: { externalId: null, name: 'm1.tiny', vcpus: 1, ramMb: 512, diskGb: 1 },
      securityGroups: ['default'],
      locked: false,
      fault: null,
      metadata: { yunguan_task: 'tok-1' },
    });
    expect(dto.addresses[0]).toMatchObject({ network: 'rec-net', version: 4, type: 'fixed' });
  });

  it('reads real Zed servers: ACTIVE on a fake host, ERROR with Nova’s NoValidHost fault', () => {
    const zed = loadFixture('zed-servers.json').slice(1) as [Exchange, Exchange];
    const active = toServerDto(serverIn(zed[0]));
    expect(active.status).toBe('active');
    expect(active.host).toMatch(/^fake-/);
    expect(active.flavor).toEqual({
      externalId: null,
      name: 'm1.tiny',
      vcpus: 1,
      ramMb: 512,
      diskGb: 1,
    });
    const failed = toServerDto(serverIn(zed[1]));
    expect(failed.status).toBe('error');
    expect(failed.fault?.message).toMatch(/^No valid host was found\./);
  });

  it('follows an operation: ERROR fails with the fault, ACTIVE succeeds', async () => {
    const login = recorded[0] as Exchange;
    const authUrl = login.request.url.replace(/\/auth\/tokens$/, '');
    const replay = replayFetch([login, activeGet, errorGet]);
    const compute = computeService(
      new ProviderClient({ ...zedAuth, authUrl, fetch: replay.fetch }),
    );
    const project = serverIn(activeGet).tenant_id;
    const op = (externalId: string): OperationHandle => ({
      kind: 'server.create',
      resourceType: 'server',
      externalId,
      projectExternalId: project,
      settlesOn: ['active'],
      startedAt: new Date().toISOString(),
    });
    const ok = await followServerOperation(compute, op(serverIn(activeGet).id));
    expect(ok.state).toBe('succeeded');
    const failed = await followServerOperation(compute, op(serverIn(errorGet).id));
    expect(failed.state).toBe('failed');
    expect(failed.state === 'failed' && failed.reason).toMatch(/^No valid host was found/);
    // Project-scoped token: the login asked for the server's project by id.
    expect(replay.sent[0]?.body).toContain(`"scope":{"project":{"id":"${project}"}}`);
  });
});

describe('failed actions', () => {
  it('names the cause of a rolled-back resize from a recorded Zed instance action', () => {
    // Recorded: GET /servers/{id}/os-instance-actions/{request_id} after a resize to a flavor
    // no host can hold (Zed, admin token, 2.79 — `details` arrives only at 2.84).
    const recordedAction = instanceActionDetailResult.parse(
      JSON.parse(
        readFileSync(
          path.join(
            path.dirname(new URL(import.meta.url).pathname),
            'fixtures/zed-instance-action-resize-novalidhost.json',
          ),
          'utf8',
        ),
      ),
    ).instanceAction;
    expect(recordedAction.message).toBe('Error');
    const failed = recordedAction.events?.find((e) => e.result === 'Error');
    expect(failed && causeIn(failed)).toBe('No valid host was found.');
    expect(causeIn({ details: 'Host fake-9 is down. ' })).toBe('Host fake-9 is down.');
    expect(causeIn({ traceback: 'nova.exception.MigrationPreCheckError: no shared storage' })).toBe(
      'no shared storage',
    );
  });
});
