import type { resourceItemSchema, taskAccepted } from '@yunguan/contract';
import type { z } from 'zod';

/** A storage/network object of the mirror as lists and details return it; `S` is its spec. */
export type ResourceRow<S = unknown> = Omit<
  z.output<ReturnType<typeof resourceItemSchema<z.ZodUnknown>>>,
  'spec'
> & { spec: S };

export type ResourcePage<S = unknown> = {
  items: ResourceRow<S>[];
  total: number;
  page: number;
  pageSize: number;
};

/** What a create or an action answers (202). */
export type TaskAcceptedBody = z.output<typeof taskAccepted>;
