import { createCase, emptyCaseTrash, getCase, listCases, listTrashedCases, openCase, purgeCase, renameCase, restoreCase, setArchived, trashCase, updateCase } from '../core/cases';
import { caseHistory } from '../core/history/history';
import type { Registry } from './registry';

export function registerCases(reg: Registry): void {
  reg.register('cases.list', (args, { core }) => listCases(core, args ?? {}));
  reg.register('cases.create', (args, { core }) => createCase(core, args));
  reg.register('cases.get', ({ caseId }, { core }) => getCase(core, caseId));
  reg.register('cases.open', ({ caseId }, { core }) => openCase(core, caseId));
  reg.register('cases.update', ({ caseId, version, fields }, { core }) => updateCase(core, caseId, fields, version));
  reg.register('cases.rename', ({ caseId, name }, { core }) => renameCase(core, caseId, name));
  reg.register('cases.archive', ({ caseId }, { core }) => setArchived(core, caseId, true));
  reg.register('cases.unarchive', ({ caseId }, { core }) => setArchived(core, caseId, false));
  reg.register('cases.delete', ({ caseId }, { core }) => trashCase(core, caseId));
  reg.register('cases.restore', ({ caseId }, { core }) => restoreCase(core, caseId));
  reg.register('cases.trash', (_args, { core }) => listTrashedCases(core));
  reg.register('cases.purge', ({ caseId }, { core }) => {
    purgeCase(core, caseId);
    return { purged: 1 };
  });
  reg.register('cases.history', ({ caseId }, { core }) => caseHistory(core, getCase(core, caseId).id));
  reg.register('cases.emptyTrash', (_args, { core }) => ({ purged: emptyCaseTrash(core) }));
}
