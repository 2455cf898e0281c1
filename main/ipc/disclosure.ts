import { buildDisclosureKit, caseDisclosureDeadline, disclosureChanges, listWitnesses, saveWitnesses } from '../core/disclosure/service';
import type { Registry } from './registry';

export function registerDisclosure(reg: Registry): void {
  reg.register('disclosure.witnesses', ({ caseId }, { core }) => listWitnesses(core, caseId));
  reg.register('disclosure.saveWitnesses', ({ caseId, witnesses }, { core }) => saveWitnesses(core, caseId, witnesses));
  reg.register('disclosure.deadline', ({ caseId, hearingDate, forum }, { core }) => caseDisclosureDeadline(core, caseId, hearingDate, forum));
  reg.register('disclosure.build', (args, { core }) => buildDisclosureKit(core, args));
  reg.register('disclosure.changes', (args, { core }) => disclosureChanges(core, args));
}
