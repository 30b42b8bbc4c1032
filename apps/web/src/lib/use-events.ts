'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { PortalEvent } from '@yunguan/contract';
import {
  portalEventSchema,
  portalEventTypes,
  streamEvents,
  streamResetSchema,
} from '@yunguan/contract';
import { useEffect, useState } from 'react';
import { applyPortalEvent, refreshAllQueries } from './live-cache';

type Listener = { onEvent: (event: PortalEvent) => void; onReset?: () => void };
type StateListener = (connected: boolean) => void;

/**
 * One EventSource per browser tab (GET /api/v1/events), shared by every component that listens
 * and closed when the last one goes. Every event carries the seq of the server's event log as
 * its id (ADR 0112). EventSource reconnects by itself and sends Last-Event-ID: the server replays
 * what was missed, or sends `reset` when it cannot (then every query is re-read). When the stream
 * fails for good (401, 5xx) we open a new one after a back-off, resuming with `?lastEventId=`
 * (a new EventSource cannot set the header).
 */
const hub = {
  source: null as EventSource | null,
  listeners: new Set<Listener>(),
  stateListeners: new Set<StateListener>(),
  connected: false,
  retryTimer: null as ReturnType<typeof setTimeout> | null,
  retryMs: 1_000,
  /** The id of the last event received: where a new EventSource resumes. */
  lastEventId: null as string | null,
};

const setConnected = (connected: boolean) => {
  if (hub.connected === connected) return;
  hub.connected = connected;
  for (const l of hub.stateListeners) l(connected);
};

const remember = (raw: MessageEvent<string>) => {
  if (raw.lastEventId) hub.lastEventId = raw.lastEventId;
};

const dispatch = (raw: MessageEvent<string>) => {
  remember(raw);
  let json: unknown;
  try {
    json = JSON.parse(raw.data);
  } catch {
    return; // not an event (the API sends JSON only; anything else is ignored)
  }
  const parsed = portalEventSchema.safeParse(json);
  if (!parsed.success) return; // an event type this build does not know yet
  for (const l of hub.listeners) l.onEvent(parsed.data);
};

/** The server cannot replay what we missed: re-read everything on screen. */
const onReset = (raw: MessageEvent<string>) => {
  remember(raw);
  try {
    streamResetSchema.parse(JSON.parse(raw.data));
  } catch {
    return;
  }
  for (const l of hub.listeners) l.onReset?.();
};

const open = () => {
  if (hub.source || typeof EventSource === 'undefined') return;
  const url = hub.lastEventId
    ? `${streamEvents.path}?lastEventId=${encodeURIComponent(hub.lastEventId)}`
    : streamEvents.path;
  const source = new EventSource(url, { withCredentials: true });
  hub.source = source;
  source.onopen = () => {
    hub.retryMs = 1_000;
    // No re-read after a reconnect: the server replays what we missed (or sends `reset`).
    setConnected(true);
  };
  source.onerror = () => {
    setConnected(false);
    if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
    source.close();
    hub.source = null;
    if (hub.listeners.size === 0) return;
    hub.retryTimer = setTimeout(() => {
      hub.retryTimer = null;
      if (hub.listeners.size > 0) open();
    }, hub.retryMs);
    hub.retryMs = Math.min(hub.retryMs * 2, 30_000);
  };
  source.onmessage = dispatch;
  for (const type of portalEventTypes) source.addEventListener(type, dispatch);
  source.addEventListener('reset', onReset);
};

const close = () => {
  if (hub.retryTimer) clearTimeout(hub.retryTimer);
  hub.retryTimer = null;
  hub.source?.close();
  hub.source = null;
  setConnected(false);
};

const subscribe = (listener: Listener): (() => void) => {
  hub.listeners.add(listener);
  open();
  return () => {
    hub.listeners.delete(listener);
    if (hub.listeners.size === 0) close();
  };
};

/** Listen to portal events; `onEvent` should be stable (wrap it in useCallback). */
export const usePortalEvents = (onEvent: (event: PortalEvent) => void): void => {
  useEffect(() => subscribe({ onEvent }), [onEvent]);
};

/** Whether the live stream is connected right now. */
export const useEventsConnected = (): boolean => {
  const [connected, setState] = useState(hub.connected);
  useEffect(() => {
    hub.stateListeners.add(setState);
    setState(hub.connected);
    return () => {
      hub.stateListeners.delete(setState);
    };
  }, []);
  return connected;
};

/**
 * Keep the TanStack Query cache live: task and server events patch the cached lists, details
 * and task timelines in place (no reload), then the affected queries are refetched for the
 * fields an event does not carry; a `reset` re-reads every query. Mount once per page that
 * shows live data.
 */
export const useLiveEvents = (): boolean => {
  const queryClient = useQueryClient();
  useEffect(() => {
    return subscribe({
      onEvent: (event) => applyPortalEvent(queryClient, event),
      onReset: () => refreshAllQueries(queryClient),
    });
  }, [queryClient]);
  return useEventsConnected();
};
