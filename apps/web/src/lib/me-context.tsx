'use client';

import type { Me } from '@yunguan/contract';
import type { Permission } from '@yunguan/domain';
import { createContext, useContext } from 'react';

/** The signed-in user (GET /api/v1/me), provided by the console shell once loaded. */
export const MeContext = createContext<Me | null>(null);

export const useMe = (): Me => {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used inside the console shell');
  return me;
};

/** Whether to offer an action. Display only: the API is the real guard. */
export const useCan = (permission: Permission): boolean => useMe().permissions.includes(permission);
