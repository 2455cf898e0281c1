// Letters: draft from the case (editable), then render to DOCX or PDF. Saving and filing are the caller's.
// The renderers load docx and pdfkit, so each is imported on the first letter it writes, not with
// the templates (the app and every command list templates and draft letters without them).
import type { LetterDraft } from './types';
import type { PdfFontOptions } from './render-pdf';

export type { CompEdFigures, LetterCite, LetterContext, LetterDraft, LetterFinding, LetterGoal, LetterPerson, LetterService, LetterTemplateId, PercentileSeries } from './types';
export type { PdfFontOptions } from './render-pdf';
export { draftLetter, LETTER_TEMPLATES } from './templates';

export async function renderDocx(letter: LetterDraft): Promise<Buffer> {
  return (await import('./render-docx')).renderDocx(letter);
}

export async function renderPdf(letter: LetterDraft, fonts: PdfFontOptions = {}): Promise<Buffer> {
  return (await import('./render-pdf')).renderPdf(letter, fonts);
}
