import { z } from 'zod';
import { isStateCode } from '../states';
import { isoDate, lazySchema } from './define';

export const MAX_NAME = 120;

// The schemas are built at their first use (a call's first validation, a case created or saved),
// not when the module loads: every command and window loads this module (issue 21).
const name = lazySchema(() =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(MAX_NAME, `must be at most ${MAX_NAME} characters`)),
);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const stateCode = () =>
  z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine(isStateCode, 'is not a US state or territory code (e.g. CA, MO, MS)');

const personSchema = lazySchema(() =>
  z.object({
    name: z.string().trim().max(MAX_NAME),
    relationship: optionalText(60),
    email: optionalText(200),
    phone: optionalText(60),
    address: optionalText(300),
  }),
);
export type Person = z.infer<ReturnType<typeof personSchema>>;

export const contactRoles = ['case_manager', 'sped_director', 'principal', 'other'] as const;
const districtContactSchema = lazySchema(() =>
  personSchema().extend({
    role: z.enum(contactRoles),
    title: optionalText(120),
  }),
);
export type DistrictContact = z.infer<ReturnType<typeof districtContactSchema>>;

const caseFieldsSchema = lazySchema(() =>
  z.object({
    childName: optionalText(MAX_NAME),
    dob: isoDate.nullable().optional(),
    grade: optionalText(20),
    primaryDisability: optionalText(200),
    secondaryDisability: optionalText(200),
    state: stateCode().nullable().optional(),
    district: optionalText(200),
    school: optionalText(200),
    parents: z.array(personSchema()).max(10).optional(),
    contacts: z.array(districtContactSchema()).max(20).optional(),
    notes: z.string().max(100_000).nullable().optional(),
  }),
);
export type CaseFields = z.infer<ReturnType<typeof caseFieldsSchema>>;

export const createCaseArgs = lazySchema(() => caseFieldsSchema().extend({ name: name() }));
export type CreateCaseArgs = z.input<ReturnType<typeof createCaseArgs>>;

/** What Case info saves: the details, and the case name too, so one save is one versioned write. */
export const caseEditSchema = lazySchema(() => caseFieldsSchema().extend({ name: name().optional() }));
export type CaseEdit = z.input<ReturnType<typeof caseEditSchema>>;

export const caseRef = lazySchema(() => z.object({ caseId: z.string().min(1) }));
/** A save names the case and the version its form was loaded at; a stale or another case's version is refused. */
export const updateCaseArgs = () => caseRef().extend({ version: z.number().int().positive(), fields: caseEditSchema() });
export const renameCaseArgs = () => caseRef().extend({ name: name() });
/** Emptying the trash deletes its cases for good, so the call carries the words the user typed to confirm it. */
export const EMPTY_TRASH_WORDS = 'empty trash';
export const emptyTrashArgs = () =>
  z.object({
    confirm: z.string().refine((s) => s.trim().toLowerCase() === EMPTY_TRASH_WORDS, `type "${EMPTY_TRASH_WORDS}" to confirm`),
  });
export const listCasesArgs = () => z.object({ query: z.string().max(200).optional(), includeArchived: z.boolean().optional() }).optional();

export interface CaseDto {
  id: string;
  name: string;
  childName: string | null;
  dob: string | null;
  grade: string | null;
  primaryDisability: string | null;
  secondaryDisability: string | null;
  state: string | null;
  district: string | null;
  school: string | null;
  parents: Person[];
  contacts: DistrictContact[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  lastOpenedAt: string | null;
  archivedAt: string | null;
  /** When the case was moved to the trash; null for a case in use. */
  deletedAt: string | null;
  /**
   * Moves on with every edit of the case's details (not with opening or archiving). Numbered across
   * all cases, so a version names one case at one moment; Case info saves with the one it loaded.
   */
  version: number;
}

export interface CaseSummaryDto {
  id: string;
  name: string;
  childName: string | null;
  state: string | null;
  school: string | null;
  lastOpenedAt: string | null;
  archivedAt: string | null;
  deletedAt: string | null;
  documentCount: number;
}

/** What a line of a case's history records. */
export const historyKinds = [
  'imported',
  'corrected',
  'confirmed',
  'exported',
  'packet_built',
  'letter_saved',
  'event_added',
  'event_removed',
  'trashed',
  'restored',
  'flag_dismissed',
  'contact_confirmed',
  'document_trashed',
  'document_restored',
  'correction_undone',
  'flag_restored',
  'archive_imported',
  'suggestion_dismissed',
  'suggestion_restored',
] as const;
export type HistoryKind = (typeof historyKinds)[number];

/** One line of a case's append-only history: never changed, deleted only with the case. */
export interface HistoryEntryDto {
  id: string;
  caseId: string;
  at: string;
  kind: HistoryKind;
  description: string;
  /** The ids it concerns (documents, letters, events...). */
  ids: string[];
}
