// Letters: draft from the case (editable), then render to DOCX or PDF. Saving and filing are the caller's.
export type { CompEdFigures, LetterCite, LetterContext, LetterDraft, LetterGoal, LetterPerson, LetterService, LetterTemplateId, PercentileSeries } from './types';
export { draftLetter, LETTER_TEMPLATES } from './templates';
export { renderDocx } from './render-docx';
export { DEFAULT_FONT_CANDIDATES, renderPdf, type PdfFontOptions } from './render-pdf';
