'use client';

import { DesktopOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type RfbClient from '@novnc/novnc';
import type { ServerDetail } from '@yunguan/contract';
import { getServerConsole } from '@yunguan/contract';
import { Alert, Badge, Button, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { ApiError } from '@/lib/api-error';

type Rfb = RfbClient;
const MAX_RETRIES = 3;

type State = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'silent';

/** A console that has not finished the RFB handshake by then is given up (and can be retried). */
const HANDSHAKE_MS = 20_000;

/** ws(s):// URL for the relay, whether the API answers with a path or an http(s) URL. */
const toWebSocketUrl = (url: string): string => {
  const absolute = new URL(url, window.location.href);
  if (absolute.protocol === 'http:') absolute.protocol = 'ws:';
  if (absolute.protocol === 'https:') absolute.protocol = 'wss:';
  return absolute.toString();
};

/** The server's VNC console in the page (noVNC), through the portal's one-time ticket. */
export function ServerConsole({ server }: { server: ServerDetail }) {
  const { t } = useI18n();
  const screen = useRef<HTMLDivElement>(null);
  const rfb = useRef<Rfb | null>(null);
  const [state, setState] = useState<State>('idle');
  const ticket = useMutation({
    mutationFn: () => callContract(getServerConsole, { params: { id: server.id } }),
    retry: false,
  });

  /** Reconnects in a row after an unexpected drop (reset by a good connection). */
  const retries = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const disconnect = () => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    const client = rfb.current;
    rfb.current = null; // first, so its disconnect event is not taken for a drop
    client?.disconnect();
  };

  const connect = async () => {
    disconnect();
    setState('connecting');
    try {
      const { url } = await ticket.mutateAsync();
      const { default: RFB } = await import('@novnc/novnc');
      if (!screen.current) return;
      const client = new RFB(screen.current, toWebSocketUrl(url), { shared: true });
      client.scaleViewport = true;
      const giveUp = setTimeout(() => {
        if (rfb.current !== client) return;
        disconnect();
        setState('silent');
      }, HANDSHAKE_MS);
      client.addEventListener('connect', () => {
        clearTimeout(giveUp);
        retries.current = 0;
        setState('connected');
      });
      client.addEventListener('disconnect', () => {
        clearTimeout(giveUp);
        setState((s) => (s === 'silent' ? s : 'disconnected'));
        // Dropped while wanted (not closed by us): try again, 2 s, 4 s, 8 s apart.
        if (rfb.current !== client) return;
        rfb.current = null;
        if (retries.current >= MAX_RETRIES) return;
        retries.current += 1;
        retryTimer.current = setTimeout(() => void connect(), 1000 * 2 ** retries.current);
      });
      rfb.current = client;
    } catch {
      setState('idle');
    }
  };

  // Connect as soon as the tab opens (no click on a black screen); close on leaving.
  const active = server.status === 'active';
  useEffect(() => {
    if (active) void connect();
    return disconnect;
    // connect/disconnect only touch refs and state setters; the server id and state decide.
  }, [active, server.id]);

  if (server.status !== 'active') {
    return <Alert type="info" showIcon title={t('console.needActive')} />;
  }
  const labels: Record<State, string> = {
    idle: t('console.disconnected'),
    connecting: t('console.connecting'),
    connected: t('console.connected'),
    disconnected: t('console.disconnected'),
    silent: t('console.disconnected'),
  };
  return (
    <>
      {ticket.error instanceof ApiError && <ErrorAlert error={ticket.error} />}
      {state === 'silent' && (
        <Alert
          type="warning"
          showIcon
          title={t('console.silent')}
          style={{ marginBottom: 12 }}
          data-testid="console-silent"
        />
      )}
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Badge
          status={
            state === 'connected' ? 'success' : state === 'connecting' ? 'processing' : 'default'
          }
          text={labels[state]}
          data-testid="console-state"
          data-state={state}
        />
        <Button
          icon={<DesktopOutlined />}
          loading={state === 'connecting'}
          onClick={() => void connect()}
          data-testid="console-connect"
        >
          {state === 'idle' ? t('console.open') : t('console.reconnect')}
        </Button>
        <Button
          disabled={state !== 'connected'}
          onClick={() => rfb.current?.sendCtrlAltDel()}
          data-testid="console-ctrl-alt-del"
        >
          {t('console.ctrlAltDel')}
        </Button>
      </Flex>
      <div
        ref={screen}
        data-testid="console-screen"
        style={{ width: '100%', height: 560, background: '#000', borderRadius: 6 }}
      />
    </>
  );
}
