import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Exchange } from './recorded-fetch';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

/** A recorded exchange list from test/fixtures (see recorded-fetch.ts). */
export const loadFixture = (name: string): Exchange[] =>
  JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Exchange[];

export const zedAuth = {
  authUrl: 'http://127.0.0.1:5000/v3',
  username: 'admin',
  password: 'secret',
  userDomainName: 'Default',
  projectName: 'admin',
  projectDomainName: 'Default',
  regionName: 'RegionOne',
};
