// The student profile an IEP prints: legal name, date of birth, grade, school, district, primary and
// secondary disability, the parent or guardian and the case manager with their contact details. A
// labelled value in any style the layout reads (vocab/iep.ts STUDENT_PROFILE_LABELS, tried list by
// list, most specific first), or a value over a label printed under it; values that are label text or
// narrative are refused, so a field stays empty rather than wrong.
import type { ExtractedIep } from '../../../shared/domain';
import { findDates, parseDate } from '../../../shared/text/dates';
import { cellAbove, cellUnder } from '../layout/label-lines';
import { findLabeledValue, type Layout, type LayoutLine } from './layout';
import { CASE_MANAGER_SENTENCES, DISABILITY_WORDS, IEP_HEADER_LABELS, STUDENT_PROFILE_LABELS as P } from './vocab/iep';

export type StudentProfile = ExtractedIep['student'];
export type ProfileContact = NonNullable<StudentProfile['parent']>;

/** Words that are form labels or roles, never part of a person's or a school's name. */
const LABEL_WORDS = /\b(?:name|names|date|birth|grade|student|pupil|parent|guardian|legal|suffix|meeting|present|phone|email|address|district|school\s+year|case|manager|teacher|signature|n\/a|none|yes|no)\b/i;

/** A person's name as printed: two to five words, each capitalised (or an initial), no figures, labels or sentence. */
export function looksLikePersonName(v: string): boolean {
  const t = v.trim().replace(/\s*,\s*/g, ', ');
  if (!t || /[\d:;@/()]/.test(t) || LABEL_WORDS.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^(?:[A-Z][\p{L}'’.-]*,?|[A-Z]\.|(?:de|del|la|van|von|da|di|le|bin|al)\b)$/u.test(w));
}

/** A school's name: a short title, not a sentence, not a label, not a "School Year". */
function looksLikeSchool(v: string): boolean {
  const t = v.trim();
  const words = t.split(/\s+/);
  if (words.length > 8 || /[:;]|\.\s/.test(t) || /^\W/.test(t) || /school\s+year/i.test(t)) return false;
  return /\b(?:school|academy|elementary|middle|high|center|centre|collegiate|campus|prep(?:aratory)?|charter|institute|learning|jr|sr|k-8|k-12)\b/i.test(t) && !/\bdistrict\b/i.test(t);
}

const looksLikeDisability = (v: string) => {
  const t = v.trim();
  return t.split(/\s+/).length <= 10 && !/[:;]/.test(t) && DISABILITY_WORDS.test(t) && !/\b(?:not\s+eligible|exiting|note)\b/i.test(t);
};

/** The first value of the tiers' labels that passes `accept`, tier by tier. */
function tiered(layout: Layout, tiers: RegExp[][], accept: (v: string) => boolean): string | null {
  for (const labels of tiers) {
    const found = findLabeledValue(layout, labels, accept);
    if (found) return found.value.trim();
  }
  return null;
}

/**
 * A value printed over its label (a strip of values with small labels under them): the cell of the
 * line above whose centre is nearest the label's, on the same page.
 */
export function valueAboveLabel(layout: Layout, label: RegExp, accept: (v: string) => boolean): string | null {
  for (let i = 1; i < layout.lines.length; i++) {
    const line = layout.lines[i];
    const above = layout.lines[i - 1];
    if (above.page !== line.page) continue;
    for (const cell of line.cells) {
      if (!label.test(cell.text.trim())) continue;
      const value = cellAbove(cell, above);
      if (value && accept(value.text)) return value.text.trim();
    }
  }
  return null;
}

/** "Last, First" reads "First Last". */
function personName(v: string | null): string | null {
  if (!v) return null;
  const t = v.trim().replace(/\s+(?:DOB|Date of Birth|SSID|ID|Grade)\b.*$/i, '').replace(/\s*,\s*$/, '');
  const comma = /^([^,]+),\s*(.+)$/.exec(t);
  return comma ? `${comma[2]} ${comma[1]}` : t;
}

const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Phone and e-mail printed on the person's line or the few lines under it. */
function contactNear(layout: Layout, line: LayoutLine | null): Pick<ProfileContact, 'phone' | 'email'> {
  if (!line) return { phone: null, email: null };
  const near = layout.lines.filter((l) => l.page === line.page && l.index >= line.index && l.index <= line.index + 3);
  const text = near.map((l) => l.text).join('\n');
  return { phone: PHONE.exec(text)?.[0] ?? null, email: EMAIL.exec(text)?.[0] ?? null };
}

function contactOf(layout: Layout, tiers: RegExp[][]): ProfileContact | null {
  for (const labels of tiers) {
    const found = findLabeledValue(layout, labels, looksLikePersonName);
    if (found) return { name: personName(found.value), ...contactNear(layout, found.line) };
  }
  return null;
}

const NAME_RUN = String.raw`((?:[A-Z][\p{L}'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\p{L}'’-]+|[A-Z]\.)){1,3})`;

/** A person listed with the role in parentheses after the name ("Team present: Jordan Lee (Case Manager), ..."). */
function personWithRole(layout: Layout, role: RegExp): ProfileContact | null {
  const re = new RegExp(`${NAME_RUN}\\s*\\((?:${role.source})\\)`, 'u' + (role.flags.includes('i') ? 'i' : ''));
  for (const line of layout.lines) {
    const name = re.exec(line.text)?.[1];
    if (name && looksLikePersonName(name)) return { name, phone: null, email: null };
  }
  return null;
}

/** The person a sentence names as the IEP's contact ("please contact Jordan Lee."). */
function caseManagerInSentences(layout: Layout): ProfileContact | null {
  for (const line of layout.lines) {
    for (const re of CASE_MANAGER_SENTENCES) {
      const m = re.exec(line.text);
      if (!m) continue;
      const name = new RegExp(`^${NAME_RUN}`, 'u').exec(line.text.slice(m.index + m[0].length))?.[1];
      if (name && looksLikePersonName(name)) return { name, ...contactNear(layout, line) };
    }
  }
  return null;
}

/** The document's first pages, where the header names the student: a bare "Name:" later names anyone (a signer, a facilitator). */
function headerPages(layout: Layout, pages = 2): Layout {
  const first = layout.lines[0]?.page ?? 1;
  return { ...layout, lines: layout.lines.filter((l) => l.page < first + pages) };
}

/** One field of a label naming two ("Grade / School: 4 / Lincoln Elementary"): its own label and its part of the value. */
export interface PairedField {
  label: string;
  value: string;
  line: LayoutLine;
}

const PAIR_LABEL = /^([A-Za-z][A-Za-z.'#]*(?:\s+[A-Za-z][A-Za-z.'#]*){0,3})\s*\/\s*([A-Za-z][A-Za-z.'#]*(?:\s+[A-Za-z][A-Za-z.'#]*){0,3})\s*(?::\s*(.*))?$/;

/**
 * The two parts of a value holding two fields, split the way the label is: two dates, else at the
 * one spaced slash ("4 / Lincoln Elementary", "03/14/2015 / 10"), else at the one slash ("4/Lincoln").
 */
function splitPairValue(value: string): [string, string] | null {
  const v = value.trim();
  const dates = findDates(v);
  if (dates.length === 2) return [dates[0].text, dates[1].text];
  const spaced = v.split(/\s+\/\s+/);
  if (spaced.length === 2) return spaced[0] && spaced[1] ? [spaced[0], spaced[1]] : null;
  if (spaced.length > 2 || dates.length > 0) return null;
  const bare = v.split('/');
  return bare.length === 2 && bare[0].trim() && bare[1].trim() ? [bare[0].trim(), bare[1].trim()] : null;
}

/**
 * Fields printed under one label naming two, joined by "/", with a value holding both split the same
 * way: "Grade / School: 4 / Lincoln Elementary", "DOB / Age: 03/14/2015 / 10", "Start / End Date:
 * 09/02/2025 / 06/12/2026" (a last word the second name carries is both names': "Start Date", "End
 * Date"). The value follows the label in its cell or stands in the cell under it. A label naming one
 * thing in two words ("Parent/Guardian: ...") has a value that does not split, and yields nothing.
 */
export function pairedLabelFields(layout: Layout): PairedField[] {
  const fields: PairedField[] = [];
  layout.lines.forEach((line, i) => {
    line.cells.forEach((cell, c) => {
      const m = PAIR_LABEL.exec(cell.text.trim());
      if (!m) return;
      let value = m[3]?.trim() ?? '';
      // "Grade / School:" in a left column, the value in the next cell.
      if (!value && m[3] !== undefined) value = line.cells[c + 1]?.text.trim() ?? '';
      else if (!value) {
        // A label alone in its cell, the value printed in the cell under it.
        const below = layout.lines[i + 1];
        if (!below || below.page !== line.page) return;
        const under = cellUnder(cell, below);
        if (!under || PAIR_LABEL.test(under.text.trim()) || /:\s*$/.test(under.text)) return;
        value = under.text.trim();
      }
      const parts = splitPairValue(value);
      if (!parts) return;
      const first = m[1].trim().split(/\s+/);
      const second = m[2].trim().split(/\s+/);
      // "Start / End Date": the shared last word names both.
      const shared = first.length === 1 && second.length > 1 && /^(?:date|dates|name|number|no\.?|#)$/i.test(second[second.length - 1]) ? ` ${second[second.length - 1]}` : '';
      fields.push({ label: first.join(' ') + shared, value: parts[0], line }, { label: second.join(' '), value: parts[1], line });
    });
  });
  return fields;
}

/** The value of the first paired field whose own label is one of `labels` (the whole label) and passes `accept`. */
export function pairedValue(fields: PairedField[], labels: RegExp[], accept: (v: string) => boolean): string | null {
  for (const label of labels) {
    const whole = new RegExp(`^(?:${label.source})$`, label.flags.replace('g', ''));
    const found = fields.find((f) => whole.test(f.label) && accept(f.value));
    if (found) return found.value;
  }
  return null;
}

const GRADE_VALUE = /^(?:grade\s+)?(K|PK|TK|KG|\d{1,2})(?:st|nd|rd|th)?(?:\s+grade)?$/i;

export function readStudentProfile(layout: Layout): Omit<StudentProfile, 'district'> {
  const paired = pairedLabelFields(layout);
  const gradeValue = pairedValue(paired, IEP_HEADER_LABELS.grade, (v) => GRADE_VALUE.test(v.trim()));
  const pairedSchool = pairedValue(paired, P.school.flat(), looksLikeSchool);
  const pairedDob = pairedValue(paired, IEP_HEADER_LABELS.dob, (v) => findDates(v).length === 1);
  const name = tiered(layout, P.name.slice(0, 1), looksLikePersonName) ?? tiered(headerPages(layout), P.name.slice(1), looksLikePersonName)
    ?? valueAboveLabel(layout, P.nameBelow, looksLikePersonName);
  const isDate = (v: string) => findDates(v).length > 0;
  const dob = parseDate(pairedDob) ?? parseDate(findLabeledValue(layout, IEP_HEADER_LABELS.dob, isDate)?.value ?? valueAboveLabel(layout, P.dobBelow, isDate));
  const school = pairedSchool ?? tiered(layout, P.school, looksLikeSchool) ?? valueAboveLabel(layout, P.schoolBelow, looksLikeSchool);
  return {
    name: personName(name),
    dob,
    grade: gradeValue ? GRADE_VALUE.exec(gradeValue.trim())![1].toUpperCase() : null,
    school,
    primaryDisability: tiered(layout, P.primaryDisability, looksLikeDisability),
    secondaryDisability: tiered(layout, P.secondaryDisability, looksLikeDisability),
    parent: contactOf(layout, P.parent) ?? personWithRole(layout, P.parentRole),
    caseManager: contactOf(layout, P.caseManager) ?? caseManagerInSentences(layout) ?? personWithRole(layout, P.caseManagerRole),
  };
}
