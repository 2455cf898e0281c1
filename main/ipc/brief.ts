import { buildMeetingBrief, saveMeetingBrief } from '../core/brief/service';
import type { Registry } from './registry';

export function registerBrief(reg: Registry): void {
  reg.register('brief.draft', ({ caseId }, { core }) => buildMeetingBrief(core, caseId));
  reg.register('brief.save', ({ caseId, format, questions, generalQuestions }, { core }) => saveMeetingBrief(core, caseId, format, questions, generalQuestions));
}
