// The main window's options, as a plain function (no Electron import) so that a test can check the
// hardening the app depends on: an isolated, sandboxed renderer with no Node and no DevTools in an
// installed (packaged) app.
import type { WindowState } from './window-state';

interface MainWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  webPreferences: {
    contextIsolation: true;
    nodeIntegration: false;
    sandbox: true;
    preload: string;
    spellcheck: false;
    devTools: boolean;
  };
}

export function mainWindowOptions(state: WindowState, opts: { preload: string; packaged: boolean }): MainWindowOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    title: 'IEP Casefile',
    show: false,
    // DevTools only in a build run from a checkout, never in an installed app.
    webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, preload: opts.preload, spellcheck: false, devTools: !opts.packaged },
  };
}
