'use client';

import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useMe } from './me-context';
import { PROJECT_KEY, storedPreference } from './preferences';

type CurrentProject = { projectId: string | undefined; setProjectId: (id: string) => void };

const CurrentProjectContext = createContext<CurrentProject | null>(null);

/** The project the user works in, remembered in localStorage across visits. */
export function CurrentProjectProvider({ children }: { children: ReactNode }) {
  const { projects } = useMe();
  // Read at once, not in an effect: the provider mounts in the browser once /me has loaded (the
  // console shell waits for it), and a first render without the remembered project made every
  // list fetch the first project's rows, then cancel them and fetch the remembered one (M1.7).
  const [chosen, setChosen] = useState<string | undefined>(
    () => storedPreference(PROJECT_KEY) ?? undefined,
  );

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
