import { LETTER_TEMPLATES } from '../core/letters';
import { draftCaseLetter, listLetters, saveLetter, setLetterResponse } from '../core/letters/service';
import type { Registry } from './registry';

export function registerLetters(reg: Registry): void {
  reg.register('letters.templates', () => LETTER_TEMPLATES.map(({ id, title, description }) => ({ id, title, description })));
  reg.register('letters.draft', ({ caseId, template, flagKey }, { core }) => draftCaseLetter(core, caseId, template, flagKey));
  reg.register('letters.save', ({ caseId, draft, sentDate, letterId, version }, { core }) => saveLetter(core, caseId, draft, sentDate ?? null, letterId ? { letterId, version } : undefined));
  reg.register('letters.list', ({ caseId }, { core }) => listLetters(core, caseId));
  reg.register('letters.setResponse', ({ caseId, letterId, responseDate }, { core }) => setLetterResponse(core, caseId, letterId, responseDate));
}
