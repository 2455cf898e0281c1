// The whole bridge between the sandboxed renderer and main: invoke() and on(), nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('casefile', {
  invoke: (name: string, args: unknown) => ipcRenderer.invoke('casefile:invoke', name, args),
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('casefile:event', wrapped);
    return () => ipcRenderer.off('casefile:event', wrapped);
  },
});
