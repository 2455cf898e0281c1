// The whole bridge between the sandboxed renderer and main: invoke() and on() for the API table,
// and the two things only a desktop app can do with files: the main process's open dialog, and
// the path of a dropped or picked File (webUtils.getPathForFile), both feeding documents.import.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('casefile', {
  invoke: (name: string, args: unknown) => ipcRenderer.invoke('casefile:invoke', name, args),
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('casefile:event', wrapped);
    return () => ipcRenderer.off('casefile:event', wrapped);
  },
  choosePaths: (kind: 'files' | 'folder'): Promise<string[]> => ipcRenderer.invoke('casefile:choose-paths', kind === 'folder' ? 'folder' : 'files'),
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
