// The people a case's records name, with the role they hold: the parent or guardian, the case
// manager, the district's special-education director, the principal and other school staff. Read
// from labelled lines ("Parent/Guardian: Ana Ruiz (Mother), 12 Elm St, (555) 010-2000"), from a
// name with its title ("Dr. Ray Ochoa, Director of Special Education", a signature block, a cc
// list), and from mail headers ("From: Ana Ruiz <ana@example.org>"), whose details join the same
// person's role found elsewhere. Pure over pages: the service stores what it finds as suggestions.
import type { BBox, PageContent } from '../../../shared/domain';
import type { ContactDetails, ContactRole } from '../../../shared/api/contacts';
import { buildLayout, type LayoutLine } from '../extract/layout';

export interface FoundContact extends ContactDetails {
  page: number;
  bbox: BBox | null;
}

const ROLE_LABELS: Array<[ContactRole, RegExp]> = [
  ['parent', /^(?:parents?\s*(?:\/|or|&)\s*guardians?|parent\(s\)(?:\s*\/\s*guardian\(s\))?|parents?|guardians?|legal\s+guardian|mother|father|parent\s+name|name\s+of\s+parent(?:\s*\/\s*guardian)?)\b/i],
  ['case_manager', /^(?:case\s+(?:manager|carrier)|iep\s+case\s+manager|iep\s+manager|case\s+manager\s+name)\b/i],
  ['sped_director', /^(?:director\s+of\s+(?:special\s+education|student\s+services|special\s+services|pupil\s+services)|(?:special\s+education|sped|sp\.\s?ed\.|special\s+services|student\s+services)\s+director)\b/i],
  ['principal', /^(?:principal|school\s+principal|assistant\s+principal)\b/i],
];

/** A title that gives a role when printed beside a name. */
const TITLE_ROLES: Array<[ContactRole, RegExp]> = [
  ['sped_director', /\b(?:director\s+of\s+(?:special\s+education|student\s+services|special\s+services|pupil\s+services)|(?:special\s+education|sped|special\s+services|student\s+services)\s+director)\b/i],
  ['case_manager', /\bcase\s+(?:manager|carrier)\b/i],
  ['principal', /^(?:assistant\s+)?principal\b/i],
  ['parent', /^(?:parent(?:\s*\/\s*guardian)?|guardian|mother|father|mom|dad)\b/i],
  ['other', /\b(?:teacher|specialist|psychologist|therapist|pathologist|coordinator|counsel(?:or|lor)|program\s+specialist|nurse|administrator|slp)\b/i],
];

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?/;
const STREET = /\b\d{1,6}\s+[\p{L}\d.' -]+?\b(?:street|st|avenue|ave|road|rd|court|ct|lane|ln|drive|dr|way|boulevard|blvd|place|pl|circle|cir|terrace|parkway|pkwy|highway|hwy|trail)\b\.?/iu;
const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof)\.?\s+/i;

/** Words never part of a person's name here: labels, roles, the start of a sentence. */
const NOT_NAME =
  /\b(?:name|parent|guardian|student|manager|director|principal|teacher|school|district|education|special|services|date|phone|email|address|signature|none|n\/a|dear|sincerely|regards|the|and|of|for|to|from|with|will|has|was|is|iep|ard|meeting|committee|members?|team|other|psychologist|specialist|therapist|pathologist|coordinator|facilitator|provider|administrator|representative|interpreter|nurse|counsel(?:or|lor))\b/i;

/** "Dr. Ana María Ruiz-Soto": two to five capitalised words (an initial allowed), no figures or labels. */
export function personName(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ').replace(/[,;:]+$/, '');
  const bare = t.replace(HONORIFIC, '');
  if (!bare || /[\d@<>()/:;|]/.test(bare) || NOT_NAME.test(bare)) return null;
  const words = bare.split(' ');
  if (words.length < 2 || words.length > 5) return null;
  const ok = words.every((w) => /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.|de|del|la|van|von|da|di|le|y)$/u.test(w));
  return ok ? bare : null;
}

/** The details printed in a piece of text: e-mail, phone, street address. */
function detailsIn(text: string): { email: string | null; phone: string | null; address: string | null } {
  const email = EMAIL.exec(text)?.[0] ?? null;
  const phone = PHONE.exec(text.replace(EMAIL, ' '))?.[0].trim() ?? null;
  const street = STREET.exec(text);
  let address: string | null = null;
  if (street) {
    // The street and what follows it up to the ZIP code (or the next phone, e-mail or bracket).
    const rest = text.slice(street.index).replace(EMAIL, '').split(/\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}|[;|]|\bphone\b|\btel\b|\be-?mail\b/i)[0];
    const zip = /^.*?\b\d{5}(?:-\d{4})?\b/.exec(rest);
    address = (zip ? zip[0] : rest).replace(/[\s,]+$/, '').trim() || null;
  }
  return { email, phone, address };
}

/** A signature table's title runs on into its date column ("Parent/Guardian / Date"): the title alone. */
const tidyTitle = (title: string) => title.replace(/\s*\/?\s*\bdate\b.*$/i, '').replace(/[\s/,]+$/, '').trim();

function roleOfTitle(title: string): ContactRole | null {
  return TITLE_ROLES.find(([, re]) => re.test(title.trim()))?.[0] ?? null;
}

/** "Ana Ruiz (Mother), 12 Elm St..." or "Dana Lee, Education Specialist (RSP)": the name first, then what it says. */
function personAtStart(text: string): { name: string; title: string | null; rest: string } | null {
  const m = /^\s*([^,;(<\n]+?)\s*(?:\(([^)]{2,40})\))?\s*(?:[,;<]|$|\s{2,}|\s+-\s+|\s+(?=(?:phone|tel|telephone|cell|mobile|e-?mail|address)\b))(.*)$/i.exec(text);
  if (!m) return null;
  const name = personName(m[1]);
  if (!name) return null;
  const after = m[3].trim();
  const printedTitle = !STREET.test(after) && !EMAIL.test(after) && !PHONE.test(after) ? after.split(/[,;]/)[0].trim() : '';
  const title = m[2]?.trim() || (printedTitle && printedTitle.split(' ').length <= 8 ? printedTitle : null);
  return { name, title: title || null, rest: after };
}

/** A labelled line: "Parent/Guardian: ...", "Case Manager  Dana Lee, ...". */
function fromLabelled(line: LayoutLine): FoundContact[] {
  const text = line.text.trim();
  for (const [role, re] of ROLE_LABELS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = text.slice(m[0].length).replace(/^\s*(?:name)?\s*[:\-–]?\s*/i, '');
    const person = personAtStart(value);
    if (!person) continue;
    return [{ role, name: person.name, title: person.title, ...detailsIn(person.rest), page: line.page, bbox: line.bbox }];
  }
  return [];
}

/** "Name, Title" pieces of a line (a cc list, a signature on one line), or a name cell beside its title cell (a signature table). */
function fromNameWithTitle(line: LayoutLine): FoundContact[] {
  const out: FoundContact[] = [];
  if (line.cells.length >= 2) {
    const name = personName(line.cells[0].text);
    const title = tidyTitle(line.cells[1].text);
    const role = name ? roleOfTitle(title) : null;
    if (name && role) return [{ role, name, title, email: null, phone: null, address: null, page: line.page, bbox: line.bbox }];
  }
  const body = line.text.replace(/^\s*(?:cc|copy\s+to|copies\s+to|c:)\s*:?\s*/i, '');
  for (const piece of body.split(/;|\s{3,}/)) {
    const m = /^\s*((?:(?:Dr|Mr|Mrs|Ms|Mx)\.?\s+)?[^,]+?),\s*(.+?)\s*$/.exec(piece);
    if (!m) continue;
    const name = personName(m[1]);
    const role = name ? roleOfTitle(m[2]) : null;
    if (!name || !role) continue;
    out.push({ role, name, title: m[2].trim(), email: null, phone: null, address: null, page: line.page, bbox: line.bbox });
  }
  return out;
}

/** A name alone on its line with its title on the next (a signature block). */
function fromSignature(line: LayoutLine, next: LayoutLine | undefined, after: LayoutLine[]): FoundContact[] {
  if (!next || next.page !== line.page) return [];
  const name = personName(line.text);
  const role = name ? roleOfTitle(next.text) : null;
  if (!name || !role) return [];
  const details = detailsIn(after.filter((l) => l.page === line.page).map((l) => l.text).join('; '));
  return [{ role, name, title: tidyTitle(next.text), ...details, page: line.page, bbox: line.bbox }];
}

/** A mail header naming someone: their address details, for the same person's role found elsewhere. */
function fromHeader(line: LayoutLine): FoundContact[] {
  const m = /^\s*(?:from|to|cc|sent\s+by)\s*:\s*(.+)$/i.exec(line.text);
  if (!m) return [];
  const out: FoundContact[] = [];
  for (const piece of m[1].split(/;|,(?=\s*[^,]*<)/)) {
    const named = /^\s*"?([^"<,]+?)"?\s*(?:<([^>]+)>|,\s*(.*))?\s*$/.exec(piece);
    const name = named && personName(named[1]);
    if (!name) continue;
    const details = detailsIn(`${named![2] ?? ''} ${named![3] ?? ''}`);
    out.push({ role: 'other', name, title: null, ...details, page: line.page, bbox: line.bbox });
  }
  return out;
}

/** A name's key: no honorific, accents or case ("Dr. Lucía Ruiz" = "lucia ruiz"). */
export function nameKey(name: string): string {
  return name.replace(HONORIFIC, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z' -]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Every person with a role the pages name, one per person: the first mention with a role is the
 * source, and the other mentions (a mail header, a second form) fill details it lacks. People met
 * only in a header, with no role anywhere, are left out.
 */
export function findContacts(pages: PageContent[]): FoundContact[] {
  return readContacts(pages).people;
}

/** The people with a role, and the people only a mail header names (their details, for a role found in another document). */
export function readContacts(pages: PageContent[]): { people: FoundContact[]; headerOnly: FoundContact[] } {
  const lines = buildLayout(pages).lines.filter((l) => !l.repeated);
  const mentions: Array<FoundContact & { fromHeader: boolean }> = [];
  lines.forEach((line, i) => {
    const labelled = fromLabelled(line);
    const found = labelled.length ? labelled : [...fromNameWithTitle(line), ...fromSignature(line, lines[i + 1], lines.slice(i + 2, i + 6))];
    mentions.push(...found.map((f) => ({ ...f, fromHeader: false })));
    if (!found.length) mentions.push(...fromHeader(line).map((f) => ({ ...f, fromHeader: true })));
  });
  const byName = new Map<string, FoundContact>();
  for (const m of mentions.filter((x) => !x.fromHeader)) {
    const key = nameKey(m.name);
    const seen = byName.get(key);
    if (!seen) byName.set(key, { role: m.role, name: m.name, title: m.title, email: m.email, phone: m.phone, address: m.address, page: m.page, bbox: m.bbox });
    else mergeDetails(seen, m);
  }
  const headerOnly: FoundContact[] = [];
  for (const m of mentions.filter((x) => x.fromHeader)) {
    const seen = byName.get(nameKey(m.name));
    if (seen) mergeDetails(seen, m);
    else headerOnly.push(m);
  }
  return { people: [...byName.values()], headerOnly };
}

function mergeDetails(into: FoundContact, from: FoundContact): void {
  if (into.role === 'other' && from.role !== 'other') {
    into.role = from.role;
    into.title = from.title ?? into.title;
  }
  into.title ??= from.title;
  into.email ??= from.email;
  into.phone ??= from.phone;
  into.address ??= from.address;
}
