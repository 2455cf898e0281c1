// contacts.*: the people the case's records name (issue 20, "Case info filled from the records").
// `contacts.suggestions` reads the case's documents again and lists, for each person with a role
// (parent or guardian, case manager, special-education director, principal, other school staff),
// what the records print: name, title or relationship, e-mail, phone, address, and the page it was
// found on. A person already on the case with the same details, or dismissed, is not offered again.
// `contacts.accept` writes the person into the case's details (parents or district contacts; a
// single-role contact replaces the one on file) and `contacts.dismiss` sets it aside for good. Both
// emit `case.changed` (what: 'case').
import { z } from 'zod';
import type { BBox } from '../domain';
import { defineCall } from './define';

export const CONTACT_ROLES = ['parent', 'case_manager', 'sped_director', 'principal', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** A person as the records print them: the role they hold and what is printed with the name. */
export interface ContactDetails {
  role: ContactRole;
  name: string;
  /** The title printed with the name ("Education Specialist (RSP)"), or for a parent the relationship ("Mother"). */
  title: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface ContactSuggestionDto extends ContactDetails {
  id: string;
  source: { documentId: string; fileName: string; page: number; bbox: BBox | null };
}

const ref = z.object({ caseId: z.string().min(1), suggestionId: z.string().min(1) });

export const contactsApi = {
  'contacts.suggestions': defineCall<ContactSuggestionDto[]>()(() => z.object({ caseId: z.string().min(1) })),
  'contacts.accept': defineCall<ContactSuggestionDto[]>()(() => ref),
  'contacts.dismiss': defineCall<ContactSuggestionDto[]>()(() => ref),
};
