import type { User } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { toUser } from '../mappers';
import { findUserFor } from './find-visible-user';

export const getUser = async (ctx: ServiceContext, id: string): Promise<User> =>
  toUser(await findUserFor(ctx, id, 'user.read'), ctx.now());
