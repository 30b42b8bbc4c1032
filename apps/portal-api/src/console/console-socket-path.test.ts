import { describe, expect, it } from 'vitest';
import { consoleSocketPath } from './console-socket-path';

describe('consoleSocketPath', () => {
  it("maps the simulator's console URL to the agent's /console prefix", () => {
    expect(
      consoleSocketPath(
        'http://127.0.0.1:5000/console/vnc_auto.html?path=console%2Fwebsockify%3Ftoken%3Dabc',
      ),
    ).toBe('/console/websockify?token=abc');
  });
  it('maps a real nova-novncproxy URL (proxy at its root) under the prefix', () => {
    expect(consoleSocketPath('http://ctl:6080/vnc_auto.html?path=%3Ftoken%3Dabc')).toBe(
      '/console/?token=abc',
    );
  });
  it('refuses URLs without a path or with .. segments', () => {
    expect(consoleSocketPath('http://ctl:6080/vnc_auto.html')).toBeNull();
    expect(consoleSocketPath('http://ctl/vnc_auto.html?path=..%2Fcompute')).toBeNull();
    expect(consoleSocketPath('not a url')).toBeNull();
  });
});
