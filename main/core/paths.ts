// Where the data folder lives: --data-dir, else CASEFILE_DATA_DIR, else the OS's per-user app
// data folder (the same place Electron's app.getPath('userData') points to for this app).
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'IEP Casefile';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.CASEFILE_DATA_DIR ?? defaultDataDir(env);
  return path.resolve(chosen);
}
