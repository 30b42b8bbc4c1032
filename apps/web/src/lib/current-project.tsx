'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useMe } from './me-context';
import { PROJECT_KEY, storedPreference } from './preferences';

type CurrentProject = { projectId: string | undefined; setProjectId: (id: string) => void };

const CurrentProjectContext = createContext<CurrentProject | null>(null);

/** The project the user works in, remembered in localStorage across visits. */
export function CurrentProjectProvider({ children }: { children: ReactNode }) {
  const { projects } = useMe();
  const [chosen, setChosen] = useState<string | undefined>(undefined);

  useEffect(() => {
    const stored = storedPreference(PROJECT_KEY);
    if (stored) setChosen(stored);
  }, []);

  const setProjectId = useCallback((id: string) => {
    setChosen(id);
    try {
      window.localStorage.setItem(PROJECT_KEY, id);
    } catch {
      // Without storage the choice lasts for this page only.
    }
  }, []);

  // A remembered project the user lost access to falls back to their first project.
  const projectId = projects.some((p) => p.id === chosen) ? chosen : projects[0]?.id;
  const value = useMemo(() => ({ projectId, setProjectId }), [projectId, setProjectId]);
  return <CurrentProjectContext.Provider value={value}>{children}</CurrentProjectContext.Provider>;
}

export const useCurrentProject = (): CurrentProject => {
  const value = useContext(CurrentProjectContext);
  if (!value) throw new Error('useCurrentProject must be used inside the console shell');
  return value;
};
