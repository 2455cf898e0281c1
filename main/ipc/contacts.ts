import { acceptSuggestion, dismissSuggestion, listSuggestions } from '../core/contacts/service';
import type { Registry } from './registry';

export function registerContacts(reg: Registry): void {
  reg.register('contacts.suggestions', ({ caseId }, { core }) => listSuggestions(core, caseId));
  reg.register('contacts.accept', ({ caseId, suggestionId }, { core }) => acceptSuggestion(core, caseId, suggestionId));
  reg.register('contacts.dismiss', ({ caseId, suggestionId }, { core }) => dismissSuggestion(core, caseId, suggestionId));
}
