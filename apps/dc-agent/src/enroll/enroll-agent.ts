import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type EnrollAgentOutput,
  enrollAgent as enrollContract,
  enrollAgentOutput,
} from '@yunguan/contract';
import type { AgentConfig } from '../config/agent-config';
import { agentConfigPath, readAgentConfig, writeAgentConfig } from '../config/agent-config-file';
import type { Logger } from '../logger';
import { agentVersion } from '../version';
import { generateAgentKey } from './generate-agent-key';

export type EnrollInput = { portalUrl: string; token: string; dataDir: string };

/**
 * Enroll (or re-enroll) this datacenter: make a new key, present it with the one-time token,
 * store what the portal answers. Router settings of an earlier enrollment are kept.
 */
export const enrollAgent = async (input: EnrollInput, log: Logger): Promise<AgentConfig> => {
  const previous = existsSync(agentConfigPath(input.dataDir))
    ? await readAgentConfig(input.dataDir)
    : null;
  const keyFile = previous?.keyFile ?? 'agent_ed25519';
  // Generate beside the old key, swap only after the portal accepted the new one.
  const pendingKeyFile = `${keyFile}.pending`;
  const { publicKey } = await generateAgentKey(input.dataDir, pendingKeyFile, 'yunguan-agent');
  let enrolled: EnrollAgentOutput;
  try {
    enrolled = await postEnrollment(input, publicKey);
  } catch (err) {
    await rm(join(input.dataDir, pendingKeyFile), { force: true });
    await rm(join(input.dataDir, `${pendingKeyFile}.pub`), { force: true });
    throw err;
  }
  await rename(join(input.dataDir, pendingKeyFile), join(input.dataDir, keyFile));
  await rename(join(input.dataDir, `${pendingKeyFile}.pub`), join(input.dataDir, `${keyFile}.pub`));
  const config = await writeAgentConfig(input.dataDir, {
    ...enrolled,
    portalUrl: input.portalUrl,
    enrolledAt: new Date().toISOString(),
    keyFile,
    ...(previous === null
      ? {}
      : {
          router: previous.router,
          forwardBindAddress: previous.forwardBindAddress,
          keepaliveIntervalMs: previous.keepaliveIntervalMs,
          keepaliveCountMax: previous.keepaliveCountMax,
        }),
  });
  log.info(
    { datacenterId: config.datacenterId, port: config.port, gateways: config.gateways.length },
    'enrolled',
  );
  return config;
};

const postEnrollment = async (
  input: EnrollInput,
  publicKey: string,
): Promise<EnrollAgentOutput> => {
  const url = new URL(enrollContract.path, input.portalUrl);
  const res = await fetch(url, {
    method: enrollContract.method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token: input.token, publicKey, agentVersion }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status !== enrollContract.status) {
    throw new Error(`enrollment refused by ${url.origin}: HTTP ${res.status} ${summarise(text)}`);
  }
  const parsed = enrollAgentOutput.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`enrollment answer from ${url.origin} is malformed: ${parsed.error.message}`);
  return parsed.data;
};

/** The portal's error message, without echoing anything long. */
const summarise = (body: string): string => {
  try {
    const json = JSON.parse(body) as { error?: { code?: string; message?: string } };
    if (json.error?.code !== undefined) return `${json.error.code}: ${json.error.message ?? ''}`;
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200);
};
