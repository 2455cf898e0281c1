// The disclosure kit before a due-process hearing (issue 19): the exhibit list from the packet, the
// witness list the user fills, and the disclosure deadline (five business days before the hearing,
// 34 CFR 300.512(a)(3), (b)), as DOCX and PDF. A later change to the packet is named against the last
// disclosure.
import { z } from 'zod';
import type { SourceTag } from '../deadlines/types';
import { defineCall } from './define';
import { packetOptionsSchema } from './packet';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const witnessSchema = z.lazy(() => z.object({
  name: z.string().trim().min(1, 'a name').max(200),
  role: z.string().trim().max(200).default(''),
  subject: z.string().trim().max(1000).default(''),
  contact: z.string().trim().max(500).default(''),
}));
export type WitnessDto = z.output<typeof witnessSchema>;

export interface DisclosureDeadlineDto {
  hearingDate: string;
  /** The last day to disclose: N business days before the hearing. */
  deadline: string;
  businessDays: number;
  /** The rules it rests on, each with its tag (P verified … X unverified). */
  rules: Array<{ says: string; citation: string; tag: SourceTag }>;
  /** What the count relied on: the district calendar or the built-in holidays, closure days. */
  notes: string[];
  calendarUsed: boolean;
}

export interface ExhibitChangeDto {
  label: string;
  kind: 'changed' | 'added' | 'removed';
  /** "Exhibit P-7 changed since the disclosure of Mar 3, 2025 (its pages now RIVERA-000031 - RIVERA-000040)." */
  message: string;
}

export interface DisclosureKitDto {
  disclosureId: string;
  deadline: DisclosureDeadlineDto;
  exhibits: Array<{ label: string; description: string; date: string | null; batesFirst: string; batesLast: string; pages: number }>;
  witnesses: WitnessDto[];
  /** files.packet job ids of the two files. */
  pdfJobId: string;
  docxJobId: string;
  /** Against the disclosure before this one, if any. */
  changes: ExhibitChangeDto[];
}

const hearing = z.object({ hearingDate: isoDate });

export const disclosureApi = {
  'disclosure.witnesses': defineCall<WitnessDto[]>()(() => z.object({ caseId: z.string().min(1) })),
  /** Replaces the case's witness list, in this order. */
  'disclosure.saveWitnesses': defineCall<WitnessDto[]>()(() => z.object({ caseId: z.string().min(1), witnesses: z.array(witnessSchema).max(200) })),
  'disclosure.deadline': defineCall<DisclosureDeadlineDto>()(() => hearing.extend({ caseId: z.string().min(1), forum: packetOptionsSchema().shape.forum })),
  /** Builds the kit for the packet these options make, records what was disclosed, and keeps both files. */
  'disclosure.build': defineCall<DisclosureKitDto>()(() => packetOptionsSchema().merge(hearing)),
  /** What changed in the packet these options make since the last disclosure (empty if none was made). */
  'disclosure.changes': defineCall<ExhibitChangeDto[]>()(packetOptionsSchema),
};
