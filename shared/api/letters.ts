// letters.*: drafting a letter from a template and the case, saving it, and recording the reply.
import { z } from 'zod';
import { LETTER_TEMPLATE_IDS, type LetterTemplateId } from '../deadlines/derive';
import { defineCall, isoDate } from './define';

export interface LetterTemplateDto {
  id: LetterTemplateId;
  title: string;
  description: string;
}

/** A drafted letter: every part is plain text the user edits before saving. Paragraphs starting "• " are list items. */
export interface LetterDraftDto {
  template: LetterTemplateId;
  date: string;
  subject: string;
  sender: string[];
  recipient: string[];
  salutation: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
  cc: string[];
}

export interface LetterDto {
  id: string;
  caseId: string;
  template: LetterTemplateId;
  subject: string;
  draft: LetterDraftDto;
  sentDate: string | null;
  responseDate: string | null;
  documentId: string | null;
  createdAt: string;
  /** Moves on with every save of the letter; the editor saves with the version it opened. */
  version: number;
}

const caseRef = z.object({ caseId: z.string().min(1) });

const draftSchema = z.lazy(() => z.object({
  template: z.enum(LETTER_TEMPLATE_IDS),
  date: isoDate,
  subject: z.string().trim().min(1).max(500),
  sender: z.array(z.string().max(500)).max(20),
  recipient: z.array(z.string().max(500)).max(20),
  salutation: z.string().max(500),
  paragraphs: z.array(z.string().max(20_000)).max(200),
  closing: z.string().max(200),
  signature: z.array(z.string().max(500)).max(20),
  cc: z.array(z.string().max(500)).max(20),
}));

export const lettersApi = {
  'letters.templates': defineCall<LetterTemplateDto[]>()(() => z.undefined().optional()),
  /** With a red flag's key, the draft states that flag's finding as evidence, with its source documents and pages. */
  'letters.draft': defineCall<LetterDraftDto>()(() => caseRef.extend({ template: z.enum(LETTER_TEMPLATE_IDS), flagKey: z.string().min(1).max(2000).optional() })),
  'letters.save': defineCall<LetterDto>()(
    () => caseRef
      .extend({ letterId: z.string().optional(), version: z.number().int().positive().optional(), draft: draftSchema, sentDate: isoDate.nullable().optional() })
      .refine((a) => !a.letterId || a.version !== undefined, { message: 'a saved letter is saved again with the version it was opened at', path: ['version'] }),
  ),
  'letters.list': defineCall<LetterDto[]>()(() => caseRef),
  'letters.setResponse': defineCall<LetterDto>()(() => caseRef.extend({ letterId: z.string().min(1), responseDate: isoDate.nullable() })),
};
