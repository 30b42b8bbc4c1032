import type { DatacenterCredentialRow } from '../repositories/datacenter-credential-repository';
import { sealLegacyCredential } from '../repositories/datacenter-credential-repository';
import type { CloudDeps } from './cloud-deps';
import { registrationFor } from './provider-registry';

/**
 * A row written before migration 0008 as the OpenStack credential JSON it means (the only kind
 * that had credentials then); null when the row is sealed already.
 */
const legacyJsonOf = (deps: CloudDeps, row: DatacenterCredentialRow): object | null => {
  if (row.sealedJson !== null) return null;
  return {
    authPath: row.authPath,
    username: row.username,
    password: row.passwordEnc === null ? null : deps.config.secretBox.open(row.passwordEnc),
    userDomainName: row.userDomainName,
    projectName: row.projectName,
    projectDomainName: row.projectDomainName,
    regionName: row.regionName,
  };
};

/**
 * The credential of a row, opened (still `unknown`: the kind's schema parses it). A legacy row
 * (Keystone columns, before 0008) is rewritten sealed on this first read — SQL could not seal
 * it, the key lives here — so every later read takes the sealed path (ADR 0111).
 */
export const openCredential = async (
  deps: CloudDeps,
  row: DatacenterCredentialRow,
): Promise<unknown> => {
  const legacy = legacyJsonOf(deps, row);
  if (legacy === null) return JSON.parse(deps.config.secretBox.open(row.sealedJson ?? ''));
  const sealed = deps.config.secretBox.seal(JSON.stringify(legacy));
  await sealLegacyCredential(deps.db, row.datacenterId, sealed, row.updatedAt);
  return legacy;
};

/** Seal a credential (already parsed by its kind's schema) for storage. */
export const sealCredential = (deps: CloudDeps, credential: unknown): string =>
  deps.config.secretBox.seal(JSON.stringify(credential));

/** The stored credential parsed by its kind's schema (legacy rows rewritten on the way). */
export const readCredential = async (
  deps: CloudDeps,
  row: DatacenterCredentialRow,
  datacenter: string,
): Promise<{ credential: unknown; shown: Record<string, unknown> }> => {
  const registration = registrationFor(row.kind, datacenter);
  const credential = registration.credentialSchema.parse(await openCredential(deps, row));
  return { credential, shown: registration.shown(credential) };
};
