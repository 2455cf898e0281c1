// Electron shell: one hardened window on the app:// protocol, the API over IPC, nothing else.
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, dialog } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore, type Core } from '../core/context';
import { acquireDataDirLock, type DataDirLock } from '../core/lock';
import { recoverOnStart } from '../core/recovery';
import { resumePendingWork } from '../core/pipeline';
import { buildRegistry } from '../ipc';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { buildMenu } from './menu';
import { loadWindowState, saveWindowState } from './window-state';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
if (dataDirArg ?? process.env.CASEFILE_DATA_DIR) app.setPath('userData', path.resolve(dataDirArg ?? process.env.CASEFILE_DATA_DIR!));

let win: BrowserWindow | null = null;
let core: Core | null = null;
let lock: DataDirLock | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(start).catch((e) => {
    dialog.showErrorBox('IEP Casefile could not start', (e as Error).message);
    app.quit();
  });
}

async function start() {
  const dataDir = app.getPath('userData');
  lock = acquireDataDirLock(dataDir, 'desktop app');
  core = openCore({ dataDir, resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : undefined });
  recoverOnStart(core);
  const registry = buildRegistry();
  void resumePendingWork(core).catch((e) => console.error('[resume]', e));

  // No network, ever: only the app's own protocol and devtools may load.
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !/^(app|devtools|blob|data):/.test(details.url) }));
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  protocol.handle('app', async (req) => {
    const url = new URL(req.url);
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/' || !path.extname(rel)) rel = '/index.html';
    const file = path.normalize(path.join(RENDERER_DIR, rel));
    if (!file.startsWith(RENDERER_DIR)) return new Response('Forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });

  ipcMain.handle('casefile:invoke', (event, name: string, args: unknown) => {
    if (!event.senderFrame || !event.senderFrame.url.startsWith('app://')) {
      return { ok: false, error: { code: 'unauthorized', message: 'Calls are only accepted from the app.' } };
    }
    return registry.dispatch(name, args, { core: core!, transport: 'electron' });
  });
  for (const name of ['job.progress', 'case.changed'] as const) {
    core.on(name, (payload) => win?.webContents.send('casefile:event', name, payload));
  }

  Menu.setApplicationMenu(buildMenu(() => win));
  createWindow(dataDir);
}

function createWindow(dataDir: string) {
  const state = loadWindowState(dataDir);
  win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    title: 'IEP Casefile',
    show: false,
    webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, preload: PRELOAD, spellcheck: false },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith('app://')) e.preventDefault();
  });
  win.on('close', () => {
    if (!win) return;
    saveWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => (win = null));
  void win.loadURL('app://casefile/index.html');
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  core?.close();
  lock?.release();
});
