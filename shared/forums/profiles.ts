// Forum profiles for the exhibit binder: how each hearing office wants exhibits numbered, stamped,
// separated and filed. Data, like the deadline rules (../deadlines): every choice carries its source
// and a confidence tag with the same meaning (P primary text read, S secondary or agency page, K known
// but not read in a session, X nothing found). No page was fetched live; where no source could be
// read the choice is the app's default and is marked unverified. Hearing officers' own orders
// (California's prehearing conference order above all) override any profile: the custom profile
// exists for that.
import type { SourceTag } from '../deadlines/types';

export const FORUM_IDS = ['ca-oah', 'pa-odr', 'ma-bsea', 'custom'] as const;
export type ForumId = (typeof FORUM_IDS)[number];

export const STAMP_POSITIONS = ['bottom-right', 'bottom-left', 'bottom-center', 'top-right'] as const;
export type StampPosition = (typeof STAMP_POSITIONS)[number];

export interface ForumSource {
  /** What the source says, in our words (never a quotation). */
  says: string;
  citation: string;
  /** A page actually read in a research session, or null. */
  url: string | null;
  tag: SourceTag;
}

export interface ExhibitNumbering {
  /** P-1, P-2 … or A, B … AA. */
  scheme: 'numbers' | 'letters';
  /** The party's prefix: P for the parent's exhibits (S the school's at BSEA and ODR); '' for none. */
  partyPrefix: string;
}

export interface EFilingLimits {
  /** Largest file accepted, in bytes; null when none is known. */
  maxBytes: number | null;
  /** Most pages in one file; null when none is known. */
  maxPages: number | null;
}

export interface ForumProfile {
  id: ForumId;
  name: string;
  numbering: ExhibitNumbering;
  /** Where the page (Bates) number goes on every exhibit page. */
  stampPosition: StampPosition;
  /** A sheet naming the exhibit in front of each one (the binder's tab). */
  slipSheets: boolean;
  /** The exhibit index (tab index) in the front matter. */
  tabIndex: boolean;
  /** Page numbers on the front matter (cover, contents, findings…). Exhibit pages are always numbered. */
  frontMatterPaginated: boolean;
  /** The front matter's paper and margins (cover, contents, index, slip sheets); exhibit pages keep their own size. */
  page: ForumPage;
  efiling: EFilingLimits;
  /** Business days before the hearing by which exhibits and witnesses are disclosed. */
  disclosureBusinessDays: number;
  /** The disclosure rule's sources beyond the federal one (34 CFR 300.512), each tagged. */
  disclosureSources: ForumSource[];
  sources: ForumSource[];
  /** The weakest tag among the sources the profile's choices rest on. */
  confidence: SourceTag;
  notes: string[];
}

export type PaperSize = 'letter' | 'legal' | 'a4';
export interface ForumPage {
  size: PaperSize;
  marginInches: number;
}

/** Paper sizes in PDF points (1/72 inch). */
export const PAPER_POINTS: Record<PaperSize, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  legal: { width: 612, height: 1008 },
  a4: { width: 595.28, height: 841.89 },
};

/** The front matter's page in points: paper size and the margin on every side. */
export function forumPagePoints(page: ForumPage): { width: number; height: number; margin: number } {
  return { ...PAPER_POINTS[page.size], margin: Math.round(page.marginInches * 72 * 100) / 100 };
}

const FEDERAL_DISCLOSURE: ForumSource = {
  says: 'Each party discloses the evaluations and recommendations it will use at least five business days before the hearing; evidence not disclosed may be barred.',
  citation: '34 CFR 300.512(a)(3), (b)',
  url: null,
  tag: 'P',
};

export const FORUM_PROFILES: Record<ForumId, ForumProfile> = {
  'ca-oah': {
    id: 'ca-oah',
    name: 'California, Office of Administrative Hearings (Special Education Division)',
    numbering: { scheme: 'numbers', partyPrefix: 'P' },
    stampPosition: 'bottom-right',
    slipSheets: true,
    tabIndex: true,
    frontMatterPaginated: true,
    page: { size: 'letter', marginInches: 1 },
    efiling: { maxBytes: null, maxPages: null },
    disclosureBusinessDays: 5,
    disclosureSources: [
      { says: 'Documents and witness lists are exchanged at least five business days before the hearing.', citation: 'Cal. Ed. Code 56505(e)(7)', url: null, tag: 'K' },
      { says: 'Witness lists are exchanged with the district at least five business days before the hearing.', citation: 'OAH Special Education Self-Help: Preparing for Hearing', url: 'https://www.dgs.ca.gov/OAH/Case-Types/Special-Education/Self-Help/Preparing-for-Hearing', tag: 'S' },
    ],
    sources: [
      {
        says: 'The prehearing conference order sets how evidence must be prepared for the hearing; evidence not prepared as ordered may be excluded. Exhibit preparation takes several hours. Witness lists are exchanged at least five business days before the hearing.',
        citation: 'OAH Special Education Self-Help: Preparing for Hearing',
        url: 'https://www.dgs.ca.gov/OAH/Case-Types/Special-Education/Self-Help/Preparing-for-Hearing',
        tag: 'S',
      },
      {
        says: 'The parties may receive copies of the documents and witness lists at least five business days before the hearing.',
        citation: 'Cal. Ed. Code 56505(e)(7)',
        url: null,
        tag: 'K',
      },
      FEDERAL_DISCLOSURE,
      { says: 'Numbering, stamp position, tabs and any e-filing size limit are set in each prehearing order: the app default is used here.', citation: 'none read', url: null, tag: 'X' },
    ],
    confidence: 'X',
    notes: ['Follow the prehearing conference order where it differs: use the custom profile to match it.'],
  },
  'pa-odr': {
    id: 'pa-odr',
    name: 'Pennsylvania, Office for Dispute Resolution',
    numbering: { scheme: 'numbers', partyPrefix: 'P' },
    stampPosition: 'bottom-right',
    slipSheets: true,
    tabIndex: true,
    frontMatterPaginated: false,
    page: { size: 'letter', marginInches: 1 },
    efiling: { maxBytes: null, maxPages: null },
    disclosureBusinessDays: 5,
    disclosureSources: [
      { says: 'No Pennsylvania rule on the exchange date was read; the Prehearing Directions may set their own: the federal five business days are used.', citation: 'ODR Prehearing Directions', url: null, tag: 'X' },
    ],
    sources: [
      {
        says: 'Exhibit pages must be numbered exactly as the Prehearing Directions set out; the parties are responsible for marking, orientation and pagination, and exhibits marked, formatted or paginated incorrectly in any respect are not admitted. ODR does not correct pagination.',
        citation: 'ODR, Hearing Procedures: Pagination of Exhibits',
        url: 'https://odr-pa.org/due-process/procedures/',
        tag: 'S',
      },
      { says: 'The Prehearing Directions themselves (the exact numbering format, P- and S- exhibit prefixes) were not read.', citation: 'ODR Prehearing Directions', url: null, tag: 'K' },
      FEDERAL_DISCLOSURE,
    ],
    confidence: 'K',
    notes: ['The pagination check runs on every packet: ODR admits no exhibit paginated wrongly in any respect.', 'Front matter is the advocate\'s own work product, not an exhibit: it is left unnumbered so no number can be mistaken for an exhibit page.'],
  },
  'ma-bsea': {
    id: 'ma-bsea',
    name: 'Massachusetts, Bureau of Special Education Appeals',
    numbering: { scheme: 'numbers', partyPrefix: 'P' },
    stampPosition: 'bottom-right',
    slipSheets: true,
    tabIndex: true,
    frontMatterPaginated: true,
    page: { size: 'letter', marginInches: 1 },
    efiling: { maxBytes: null, maxPages: null },
    disclosureBusinessDays: 5,
    disclosureSources: [
      { says: 'Rule IX of the BSEA Hearing Rules governs exhibits and the witness list; its exchange date was not read: the federal five business days are used.', citation: 'BSEA Hearing Rules, Rule IX', url: null, tag: 'K' },
    ],
    sources: [
      { says: 'The Hearing Rules for Special Education Appeals have a rule on exhibits, documents and the witness list (Rule IX); its text was not read.', citation: 'BSEA Hearing Rules, Rule IX', url: 'https://pdfdrive.to/dl/hearing-rules-for-special-education-appeals-0', tag: 'K' },
      { says: 'Parents\' exhibits are numbered P-1, P-2 … and the school district\'s S-1, S-2 …', citation: 'BSEA practice (as described in issue 19); not read in a source', url: null, tag: 'K' },
      FEDERAL_DISCLOSURE,
    ],
    confidence: 'K',
    notes: [],
  },
  custom: {
    id: 'custom',
    name: 'Custom (match a hearing officer\'s order)',
    numbering: { scheme: 'numbers', partyPrefix: 'P' },
    stampPosition: 'bottom-right',
    slipSheets: true,
    tabIndex: true,
    frontMatterPaginated: true,
    page: { size: 'letter', marginInches: 1 },
    efiling: { maxBytes: null, maxPages: null },
    disclosureBusinessDays: 5,
    disclosureSources: [],
    sources: [FEDERAL_DISCLOSURE, { says: 'Every other choice is the user\'s own.', citation: 'none', url: null, tag: 'X' }],
    confidence: 'X',
    notes: ['Every choice can be changed.'],
  },
};

/** The user's changes to a profile (the custom profile starts from them; any profile may take them). */
export interface ForumOverrides {
  numbering?: Partial<ExhibitNumbering>;
  stampPosition?: StampPosition;
  slipSheets?: boolean;
  tabIndex?: boolean;
  frontMatterPaginated?: boolean;
  efiling?: Partial<EFilingLimits>;
  page?: Partial<ForumPage>;
}

export function forumProfile(id: ForumId, overrides: ForumOverrides = {}): ForumProfile {
  const base = FORUM_PROFILES[id];
  return {
    ...base,
    numbering: { ...base.numbering, ...overrides.numbering },
    stampPosition: overrides.stampPosition ?? base.stampPosition,
    slipSheets: overrides.slipSheets ?? base.slipSheets,
    tabIndex: overrides.tabIndex ?? base.tabIndex,
    frontMatterPaginated: overrides.frontMatterPaginated ?? base.frontMatterPaginated,
    efiling: { ...base.efiling, ...overrides.efiling },
    page: { ...base.page, ...overrides.page },
  };
}

/** The label of the exhibit at `index` (0-based) under a numbering: P-1, S-12, A, P-AB, 7. */
export function forumExhibitLabel(numbering: ExhibitNumbering, index: number): string {
  let core: string;
  if (numbering.scheme === 'numbers') core = String(index + 1);
  else {
    // A..Z, AA..AZ, BA.. like spreadsheet columns, so more than 26 exhibits stay unambiguous.
    let n = index + 1;
    core = '';
    while (n > 0) {
      const rem = (n - 1) % 26;
      core = String.fromCharCode(65 + rem) + core;
      n = Math.floor((n - 1) / 26);
    }
  }
  return numbering.partyPrefix ? `${numbering.partyPrefix}-${core}` : core;
}
