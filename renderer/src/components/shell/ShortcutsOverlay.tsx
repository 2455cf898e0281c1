// The "?" overlay: every keyboard shortcut, where it works.
import { Dialog } from '../ui/Dialog';
import { Table } from '../ui/Table';
import { closeShortcuts, SHORTCUTS, useShortcutsOpen } from './shortcuts';

export function ShortcutsOverlay() {
  const isOpen = useShortcutsOpen();
  return (
    <Dialog title="Keyboard shortcuts" className="shortcuts-modal" isOpen={isOpen} onOpenChange={(o) => !o && closeShortcuts()}>
      <Table caption="Every keyboard shortcut" className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.what}</td>
              <td className="muted">{s.where}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Dialog>
  );
}
