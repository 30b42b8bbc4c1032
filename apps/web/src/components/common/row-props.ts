import type { HTMLAttributes } from 'react';

/** `onRow` helper: tag each table row with a data-testid for browser tests. */
export const rowTestId =
  <T>(prefix: string, name: (row: T) => string) =>
  (row: T): HTMLAttributes<HTMLElement> =>
    ({ 'data-testid': `${prefix}-row-${name(row)}` }) as HTMLAttributes<HTMLElement>;
