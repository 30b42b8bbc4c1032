'use client';

import { useState } from 'react';

/** Open/close state of a create-or-edit dialog. Closing keeps `editing` so the
 * title and fields do not flip while the close animation runs. */
export const useDialog = <T>() => {
  const [state, setState] = useState<{ open: boolean; editing: T | null }>({
    open: false,
    editing: null,
  });
  return {
    ...state,
    show: (editing: T | null = null) => setState({ open: true, editing }),
    close: () => setState((s) => ({ open: false, editing: s.editing })),
  };
};
