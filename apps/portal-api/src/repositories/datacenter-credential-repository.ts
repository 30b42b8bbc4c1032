import type { DbClient } from './db-client';

export type DatacenterCredentialRow = {
  datacenterId: string;
  authPath: string;
  username: string;
  passwordEnc: string;
  userDomainName: string;
  projectName: string;
  projectDomainName: string;
  regionName: string | null;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type DatacenterCredentialData = Omit<
  DatacenterCredentialRow,
  'datacenterId' | 'createdAt' | 'updatedAt'
>;

export const findDatacenterCredential = (
  db: DbClient,
  datacenterId: string,
): Promise<DatacenterCredentialRow | null> =>
  db.datacenterCredential.findUnique({ where: { datacenterId } });

export const upsertDatacenterCredential = (
  db: DbClient,
  datacenterId: string,
  data: DatacenterCredentialData,
): Promise<DatacenterCredentialRow> =>
  db.datacenterCredential.upsert({
    where: { datacenterId },
    create: { datacenterId, ...data },
    update: data,
  });

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
