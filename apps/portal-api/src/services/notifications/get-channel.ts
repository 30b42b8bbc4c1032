import type { Channel } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findChannelFor } from './find-channel-for';
import { toChannel } from './to-channel';

export const getChannel = async (ctx: ServiceContext, id: string): Promise<Channel> =>
  toChannel(ctx.config.secretBox, await findChannelFor(ctx, id));
