// Saving a meeting brief: rendered with the user's questions and filed in the case as a document
// (type "other", dated the day it was drawn up), as a sent letter is filed.
import type { SavedBriefDto } from '../../../shared/api/brief';
import type { Core } from '../context';
import { updateDocument } from '../documents/service';
import { afterDocumentHook } from '../pipeline';
import { buildMeetingBrief, withQuestions } from './build';
import { renderBrief } from './render';

export { buildMeetingBrief } from './build';

export async function saveMeetingBrief(core: Core, caseId: string, format: 'docx' | 'pdf', questions: Record<string, string[]>, generalQuestions: string[]): Promise<SavedBriefDto> {
  const brief = withQuestions(buildMeetingBrief(core, caseId), questions, generalQuestions);
  const bytes = await renderBrief(brief, format);
  const fileName = `Meeting_Brief_${brief.date}.${format}`;
  // Filing imports the file as a document: the import's readers load here, not with the brief.
  const { importOne } = await import('../documents/import');
  const [result] = await importOne(core, caseId, { fileName, source: 'meeting brief', read: () => new Uint8Array(bytes) });
  if (result.documentId) {
    updateDocument(core, result.documentId, { type: 'other', date: brief.date, title: brief.title });
    afterDocumentHook(core)(result.documentId);
  }
  core.emit('case.changed', { caseId, what: 'documents' });
  return { documentId: result.documentId, fileName };
}
