import type { DbClient } from './db-client';

/**
 * A datacenter's credential row: the adapter kind and its credential as sealed JSON (ADR 0111).
 * Rows written before migration 0008 still carry the legacy Keystone columns instead, until the
 * portal first reads them (see cloud/credential-store.ts).
 */
export type DatacenterCredentialRow = {
  datacenterId: string;
  kind: string;
  sealedJson: string | null;
  authPath: string | null;
  username: string | null;
  passwordEnc: string | null;
  userDomainName: string | null;
  projectName: string | null;
  projectDomainName: string | null;
  regionName: string | null;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const legacyCleared = {
  authPath: null,
  username: null,
  passwordEnc: null,
  userDomainName: null,
  projectName: null,
  projectDomainName: null,
  regionName: null,
};

export const findDatacenterCredential = (
  db: DbClient,
  datacenterId: string,
): Promise<DatacenterCredentialRow | null> =>
  db.datacenterCredential.findUnique({ where: { datacenterId } });

/** Store a credential sealed (and clear any legacy columns of the row). */
export const upsertDatacenterCredential = (
  db: DbClient,
  datacenterId: string,
  data: { kind: string; sealedJson: string; verifiedAt: Date | null },
): Promise<DatacenterCredentialRow> =>
  db.datacenterCredential.upsert({
    where: { datacenterId },
    create: { datacenterId, ...data },
    update: { ...data, ...legacyCleared },
  });

/**
 * Rewrite a legacy row sealed, keeping its updatedAt (nothing about the credential changed).
 * Only a row still unsealed is touched: concurrent readers rewrite it once.
 */
export const sealLegacyCredential = async (
  db: DbClient,
  datacenterId: string,
  sealedJson: string,
  updatedAt: Date,
): Promise<void> => {
  await db.datacenterCredential.updateMany({
    where: { datacenterId, sealedJson: null },
    data: { sealedJson, ...legacyCleared, updatedAt },
  });
};

/** What providerForDatacenter needs in one read: the datacenter, its agent and credential. */
export const findCloudAccessRow = (db: DbClient, datacenterId: string) =>
  db.datacenter.findFirst({
    where: { id: datacenterId, deletedAt: null },
    select: {
      id: true,
      name: true,
      kind: true,
      agent: { select: { routerSecretEnc: true, enrolledAt: true, revokedAt: true } },
      credential: true,
    },
  });
export type CloudAccessRow = NonNullable<Awaited<ReturnType<typeof findCloudAccessRow>>>;

/** Datacenters with a credential: the ones inventory sync visits. */
export const listDatacenterIdsWithCredentials = async (db: DbClient): Promise<string[]> =>
  (
    await db.datacenterCredential.findMany({
      select: { datacenterId: true },
      orderBy: { datacenterId: 'asc' },
    })
  ).map((r) => r.datacenterId);

/** Datacenters with a service account, by name: where users can create resources. */
export const listUsableDatacenterRows = (db: DbClient) =>
  db.datacenter.findMany({
    where: { credential: { isNot: null }, deletedAt: null },
    select: { id: true, name: true, region: true, kind: true },
    orderBy: { name: 'asc' },
  });
