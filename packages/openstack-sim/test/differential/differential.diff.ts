import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseOpenrc } from '@yunguan/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSim, startSim } from '../../src/start-sim';
import { type Comparison, type Difference, compareObservations, explains } from './compare';
import { computeCleanup, computeScript, computeTeardownScript } from './compute-script';
import { computeInfraScript, placementScript } from './compute-infra-script';
import { identityCleanup, identityLateScript, identityScript } from './identity-script';
import { imageCleanup, imageScript } from './image-script';
import { knownDifferences, knownOutcomes } from './known-differences';
import { networkCleanup, networkScript, networkTeardownScript } from './network-script';
import { servicesScript } from './services-script';
import { login } from './os-session';
import { Recorder } from './recorder';
import { volumeCleanup, volumeScript, volumeTeardownScript } from './volume-script';

// The differential conformance suite (ADR 0115): the same scripted requests against the
// simulator and against real OpenStack Zed (infra/dev/openstack/up.sh), comparing status codes
// and body schemas per microversion. Never skipped: a missing peer fails with how to start it.

const startHint = 'start it with `sudo bash infra/dev/openstack/up.sh`';
const root = path.resolve(import.meta.dirname, '../../../..');

const zedAdmin = () => {
  const file = process.env.YUNGUAN_OPENSTACK_OPENRC ?? '/var/tmp/openstack-peer/admin-openrc';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`OpenStack Zed peer: cannot read ${file} (${String(error)}); ${startHint}`, {
      cause: error,
    });
  }
  const vars = parseOpenrc(text);
  const need = (k: string) => {
    const v = vars[k];
    if (v === undefined || v === '') throw new Error(`${file} sets no ${k}`);
    return v;
  };
  return {
    authUrl: need('OS_AUTH_URL').replace(/\/+$/, ''),
    username: need('OS_USERNAME'),
    password: need('OS_PASSWORD'),
    projectName: need('OS_PROJECT_NAME'),
  };
};

type Step = (r: Recorder) => Promise<void>;
const scripts: [string, Step][] = [
  ['identity', identityScript],
  ['image', imageScript],
  ['network', networkScript],
  ['volume', volumeScript],
  ['compute', computeScript],
  ['compute-infra', computeInfraScript],
  ['placement', placementScript],
  ['services', servicesScript],
  ['compute-teardown', computeTeardownScript],
  ['volume-teardown', volumeTeardownScript],
  ['network-teardown', networkTeardownScript],
  ['identity-late', identityLateScript],
];
const cleanups: Step[] = [
  computeCleanup,
  volumeCleanup,
  networkCleanup,
  imageCleanup,
  identityCleanup,
];

/** Run every script in order; a failed script is reported and the rest still run. */
const runAll = async (r: Recorder): Promise<string[]> => {
  const failures: string[] = [];
  for (const [name, step] of scripts) {
    try {
      await step(r);
    } catch (error) {
      failures.push(
        `${r.target} ${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  for (const step of cleanups) {
    try {
      await step(r);
    } catch (error) {
      failures.push(`${r.target} cleanup: ${String(error)}`);
    }
  }
  return failures;
};

const fmt = (d: Difference) => `${d.op} @ ${d.mv}: ${d.what}`;

describe('differential: simulator × OpenStack Zed', () => {
  let sim: RunningSim;
  let comparison: Comparison;
  let failures: string[] = [];
  let outcomes: { sim: Record<string, string>; zed: Record<string, string> };
  const tag = `yg-diff-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const zed = zedAdmin();
    try {
      await fetch(zed.authUrl, { signal: AbortSignal.timeout(5_000) });
    } catch (error) {
      throw new Error(`OpenStack Zed peer is not reachable at ${zed.authUrl}; ${startHint}`, {
        cause: error,
      });
    }
    sim = await startSim({ dataDir: null, delays: { buildMs: 200, actionMs: 100, volumeMs: 100 } });
    const simRec = new Recorder(
      'sim',
      await login({
        authUrl: `${sim.url}/identity/v3`,
        username: 'admin',
        password: 'admin',
        projectName: 'admin',
      }),
      tag,
    );
    const zedRec = new Recorder('zed', await login(zed), tag);
    const [a, b] = await Promise.all([runAll(simRec), runAll(zedRec)]);
    failures = [...a, ...b];
    comparison = compareObservations(simRec.observations, zedRec.observations);
    outcomes = { sim: simRec.outcomes, zed: zedRec.outcomes };
    const unexplained = comparison.differences.filter(
      (d) => !knownDifferences.some((k) => explains(k, d)),
    );
    const report = {
      operations: comparison.operations.size,
      microversions: [...comparison.microversions].sort(),
      compared: comparison.compared.length,
      differences: comparison.differences.map(fmt),
      unexplained: unexplained.map(fmt),
      failures,
      outcomes: { sim: simRec.outcomes, zed: zedRec.outcomes },
      observations: Object.fromEntries(
        [...simRec.observations].map(([k, o]) => [
          k,
          {
            sim: o.status,
            zed: zedRec.observations.get(k)?.status,
            simBody: o.body,
            zedBody: zedRec.observations.get(k)?.body,
          },
        ]),
      ),
    };
    const dir = path.join(root, 'test-results/differential');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 1));
    console.log(
      `differential: ${report.operations} operations, ${report.compared} requests compared at ${report.microversions.length} service microversions; ${report.differences.length} differences (${report.unexplained.length} unexplained)`,
    );
  }, 900_000);

  afterAll(async () => {
    await sim?.stop();
  });

  it('runs every script to the end on both clouds', () => {
    expect(failures).toEqual([]);
  });

  it('finds no difference that is not documented', () => {
    const unexplained = comparison.differences.filter(
      (d) => !knownDifferences.some((k) => explains(k, d)),
    );
    expect(unexplained.map(fmt)).toEqual([]);
  });

  it('still sees every documented difference (the list never goes stale)', () => {
    const stale = knownDifferences.filter(
      (k) => !comparison.differences.some((d) => explains(k, d)),
    );
    expect(stale.map((k) => `${k.op} ${String(k.what)}`)).toEqual([]);
  });

  it('sees the documented behaviour differences of the fake Cinder (backup, extend)', () => {
    expect(outcomes.sim).toEqual(knownOutcomes.sim);
    expect(outcomes.zed.backup).toMatch(knownOutcomes.zed.backup);
    expect(outcomes.zed.extend).toMatch(knownOutcomes.zed.extend);
  });

  it('compares a broad set of operations and microversions', () => {
    expect(comparison.operations.size).toBeGreaterThanOrEqual(250);
    expect(comparison.microversions.size).toBeGreaterThanOrEqual(50);
  });
});
