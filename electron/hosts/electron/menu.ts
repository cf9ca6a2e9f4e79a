/** A small Vietnamese application menu. Developer entries only in unpackaged builds. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU } from './messages';

export function menuTemplate(options: { devTools: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: MENU.zoomIn },
    // Ctrl+= as well as Ctrl++: on most keyboards "+" needs Shift.
    { role: 'zoomIn', label: MENU.zoomIn, accelerator: 'CommandOrControl+=', visible: false },
    { role: 'zoomOut', label: MENU.zoomOut },
    { role: 'resetZoom', label: MENU.resetZoom },
    { type: 'separator' },
    { role: 'togglefullscreen', label: MENU.fullscreen },
  ];
  if (options.devTools) {
    view.push({ type: 'separator' }, { role: 'reload', label: MENU.reload }, { role: 'toggleDevTools', label: MENU.devTools });
  }
  const template: MenuItemConstructorOptions[] = [
    { label: MENU.file, submenu: [{ role: 'quit', label: MENU.quit }] },
    {
      label: MENU.edit,
      submenu: [
        { role: 'undo', label: MENU.undo },
        { role: 'redo', label: MENU.redo },
        { type: 'separator' },
        { role: 'cut', label: MENU.cut },
        { role: 'copy', label: MENU.copy },
        { role: 'paste', label: MENU.paste },
        { role: 'selectAll', label: MENU.selectAll },
      ],
    },
    { label: MENU.view, submenu: view },
  ];
  // macOS puts the application's own menu first; elsewhere there is none.
  if (options.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

export function installMenu(options: { devTools: boolean; platform: NodeJS.Platform }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
