// Remembers the window's size and position between runs, in the data folder.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT: WindowState = { width: 1280, height: 820, maximized: false };

export function loadWindowState(dataDir: string): WindowState {
  try {
    return { ...DEFAULT, ...JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) };
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileSync(path.join(dataDir, 'window-state.json'), JSON.stringify(state), { mode: 0o600 });
  } catch {
    /* not worth failing a quit over */
  }
}
