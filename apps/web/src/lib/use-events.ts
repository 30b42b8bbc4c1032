'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { PortalEvent } from '@yunguan/contract';
import { portalEventSchema, portalEventTypes, streamEvents } from '@yunguan/contract';
import { useEffect, useState } from 'react';
import { applyPortalEvent, refreshLiveQueries } from './live-cache';

type Listener = { onEvent: (event: PortalEvent) => void; onReconnect?: () => void };
type StateListener = (connected: boolean) => void;

/**
 * One EventSource per browser tab (GET /api/v1/events), shared by every component that listens
 * and closed when the last one goes. EventSource reconnects by itself (sending Last-Event-ID);
 * when the server closes the stream for good (401, 5xx) we reopen after a back-off.
 */
const hub = {
  source: null as EventSource | null,
  listeners: new Set<Listener>(),
  stateListeners: new Set<StateListener>(),
  connected: false,
  everConnected: false,
  retryTimer: null as ReturnType<typeof setTimeout> | null,
  retryMs: 1_000,
};

const setConnected = (connected: boolean) => {
  if (hub.connected === connected) return;
  hub.connected = connected;
  for (const l of hub.stateListeners) l(connected);
};

const dispatch = (raw: MessageEvent<string>) => {
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

const open = () => {
  if (hub.source || typeof EventSource === 'undefined') return;
  const source = new EventSource(streamEvents.path, { withCredentials: true });
  hub.source = source;
  source.onopen = () => {
    hub.retryMs = 1_000;
    // Events may have been missed while we were away: re-read what is on screen.
    if (hub.everConnected) for (const l of hub.listeners) l.onReconnect?.();
    hub.everConnected = true;
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
};

const close = () => {
  if (hub.retryTimer) clearTimeout(hub.retryTimer);
  hub.retryTimer = null;
  hub.source?.close();
  hub.source = null;
  hub.everConnected = false;
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
 * fields an event does not carry. Mount once per page that shows live data.
 */
export const useLiveEvents = (): boolean => {
  const queryClient = useQueryClient();
  useEffect(() => {
    return subscribe({
      onEvent: (event) => applyPortalEvent(queryClient, event),
      onReconnect: () => refreshLiveQueries(queryClient),
    });
  }, [queryClient]);
  return useEventsConnected();
};
