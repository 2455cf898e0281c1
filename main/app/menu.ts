import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** Native menus; navigation items drive the renderer's hash routes. */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const go = (hash: string) => () => getWindow()?.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(hash)}`);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: go('#/new') },
        { type: 'separator' },
        { label: 'Open Data Folder', click: () => void shell.openPath(app.getPath('userData')) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: [
        { label: 'Cases', accelerator: 'CmdOrCtrl+1', click: go('#/') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: go('#/settings') },
        { type: 'separator' },
        { label: 'Back', accelerator: 'Alt+Left', click: () => getWindow()?.webContents.navigationHistory.goBack() },
      ],
    },
    {
      label: '&View',
      submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
