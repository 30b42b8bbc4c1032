import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getMemberResult, memberSchema, type Member } from './results';
import { membersUrl, memberUrl } from './urls';

export const listMembers = (lb: ServiceClient, call: Call, poolId: string): Promise<Member[]> =>
  listAll(lb, call, {
    path: membersUrl(poolId),
    key: 'members',
    item: memberSchema,
    pageSize: 500,
  });

export type CreateMemberOpts = {
  name?: string;
  address: string;
  protocol_port: number;
  weight?: number;
  subnet_id?: string;
};

export const createMember = async (
  lb: ServiceClient,
  call: Call,
  poolId: string,
  opts: CreateMemberOpts,
) =>
  (
    await lb.requestJson(
      call,
      { method: 'POST', path: membersUrl(poolId), body: { member: opts }, expected: [201] },
      getMemberResult,
    )
  ).member;

export const deleteMember = async (lb: ServiceClient, call: Call, poolId: string, id: string) => {
  await lb.request(call, { method: 'DELETE', path: memberUrl(poolId, id), expected: [204] });
};
