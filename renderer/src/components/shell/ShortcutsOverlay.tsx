// The "?" overlay: every keyboard shortcut, where it works.
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { closeShortcuts, SHORTCUTS, useShortcutsOpen } from './shortcuts';

export function ShortcutsOverlay() {
  const isOpen = useShortcutsOpen();
  return (
    <ModalOverlay className="overlay" isDismissable isOpen={isOpen} onOpenChange={(o) => !o && closeShortcuts()}>
      <Modal className="modal shortcuts-modal">
        <Dialog aria-labelledby="shortcuts-title">
          <Heading slot="title" id="shortcuts-title">
            Keyboard shortcuts
          </Heading>
          <table className="data-table shortcuts">
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
          </table>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
