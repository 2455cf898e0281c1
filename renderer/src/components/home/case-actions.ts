// Moving a case to the trash, from wherever it is asked for: always with a note that can undo it.
import { invoke } from '../../api/client';
import { invalidateCase } from '../../api/queries';
import { showToast } from '../shell/toasts';

export async function moveCaseToTrash(c: { id: string; name: string }, afterUndo?: () => void): Promise<void> {
  await invoke('cases.delete', { caseId: c.id });
  invalidateCase(c.id);
  showToast(`Moved "${c.name}" to the trash.`, {
    label: 'Undo',
    run: async () => {
      await invoke('cases.restore', { caseId: c.id });
      invalidateCase(c.id);
      afterUndo?.();
    },
  });
}
