// Electron shell: one hardened window on the app:// protocol; the engine in a utilityProcess, off
// the window's event loop. Calls go renderer -> IPC -> here -> engine process; byte routes go
// app:// -> appProtocolHandler -> engine process, the same handlers the browser host mounts.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, utilityProcess, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { appProtocolHandler, APP_ORIGIN } from '../host/app-protocol';
import { EngineStartError, EngineSupervisor, type EngineChild } from '../engine/supervisor';
import type { FromEngine } from '../engine/protocol';
import { engineKey, holdRestoredKey, type DesktopKeyStore } from '../engine/desktop-key';
import { buildMenu } from './menu';
import { mainWindowOptions } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const ENGINE_ENTRY = path.join(__dirname, 'engine.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
if (dataDirArg ?? process.env.CASEFILE_DATA_DIR) app.setPath('userData', path.resolve(dataDirArg ?? process.env.CASEFILE_DATA_DIR!));

let win: BrowserWindow | null = null;
let engine: EngineSupervisor | null = null;

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

/**
 * The data folder's key is reached here in the main process through safeStorage (the OS keychain;
 * only the main process has it) and handed to the engine process in its environment, which only
 * this user can read. On Linux without a keychain safeStorage falls back to a fixed password
 * ('basic_text'): that is no protection, so there the environment's passphrase is used instead.
 */
function keyStore(): DesktopKeyStore {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return { safeStorage: weak ? undefined : safeStorage };
}

function spawnEngine(dataDir: string): () => EngineChild {
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : undefined;
  const args = [`--data-dir=${dataDir}`, ...(resourcesDir ? [`--resources-dir=${resourcesDir}`] : [])];
  return () => {
    // Read at every start: a restore may have put another folder, with its own key, in place.
    const key = engineKey(dataDir, keyStore());
    // glibc's malloc settings as scripts/malloc-env.mjs gives them (read only at the process's start).
    const child = utilityProcess.fork(ENGINE_ENTRY, args, { serviceName: 'IEP Casefile engine', stdio: 'inherit', env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, CASEFILE_KEY: key } });
    return {
      get pid() {
        return child.pid;
      },
      post: (msg) => child.postMessage(msg),
      onMessage: (listener) => child.on('message', (msg: FromEngine) => listener(msg)),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}

const fromApp = (event: IpcMainInvokeEvent) => !!event.senderFrame && event.senderFrame.url.startsWith(`${APP_ORIGIN}/`);

async function start() {
  const dataDir = app.getPath('userData');
  engine = new EngineSupervisor({
    spawn: spawnEngine(dataDir),
    holdKey: (master) => holdRestoredKey(master, keyStore()),
    onEvent: (name, payload) => win?.webContents.send('casefile:event', name, payload),
    onStatus: (status) => {
      console.error(`[engine] ${status.state}${'message' in status ? `: ${status.message}` : ''}`);
      win?.webContents.send('casefile:event', 'app.engine', { state: status.state, message: 'message' in status ? status.message : 'The engine is running again.' });
    },
  });
  try {
    await engine.start();
  } catch (e) {
    throw new Error(e instanceof EngineStartError ? e.shape.message : (e as Error).message, { cause: e });
  }

  // No network, ever: only the app's own protocol and devtools may load.
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !/^(app|devtools|blob|data):/.test(details.url) }));
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  const running = engine;
  protocol.handle('app', appProtocolHandler({ rendererDir: RENDERER_DIR, files: (req) => running.fetch(req) }));

  ipcMain.handle('casefile:invoke', (event, name: string, args: unknown) => {
    if (!fromApp(event)) return { ok: false, error: { code: 'unauthorized', message: 'Calls are only accepted from the app.' } };
    return running.call(name, args);
  });
  // The open dialog runs here, in the main process; the renderer gets the chosen paths and passes
  // them to documents.import like any other paths.
  ipcMain.handle('casefile:choose-paths', async (event, kind: unknown) => {
    if (!fromApp(event) || !win) return [];
    const r = await dialog.showOpenDialog(win, {
      title: kind === 'folder' ? 'Add a folder to this case' : 'Add files to this case',
      properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
    });
    return r.canceled ? [] : r.filePaths;
  });

  Menu.setApplicationMenu(buildMenu(() => win));
  createWindow(dataDir);
}

function createWindow(dataDir: string) {
  const state = loadWindowState(dataDir);
  win = new BrowserWindow(mainWindowOptions(state, { preload: PRELOAD, packaged: app.isPackaged }));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault();
  });
  win.on('close', () => {
    if (!win) return;
    saveWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => (win = null));
  void win.loadURL(`${APP_ORIGIN}/`);
}

app.on('window-all-closed', () => app.quit());
// Close the engine cleanly (its database and lock) before quitting.
let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !engine) return;
  e.preventDefault();
  quitting = true;
  void engine.stop().finally(() => app.quit());
});
