// Inputs and outputs of the evidence-packet builder. Plain data only, so it can cross a worker_threads
// boundary (structured clone; exhibit bytes may be transferred).
import type { Word } from '../../../shared/domain';
import type { PageCite } from '../../../shared/compensatory/types';
import type { ExhibitNumbering } from '../../../shared/forums/profiles';

export const PACKET_SECTIONS = ['cover', 'toc', 'findings', 'chronology', 'goals', 'scores', 'services', 'index', 'exhibits'] as const;
export type PacketSection = (typeof PACKET_SECTIONS)[number];

export type BatesPosition = 'bottom-right' | 'bottom-left' | 'bottom-center' | 'top-right';

export interface BatesOptions {
  prefix: string;
  start: number;
  digits: number;
  position: BatesPosition;
}

export interface PacketCase {
  title: string;
  studentName: string;
  dob?: string | null;
  school?: string | null;
  district?: string | null;
  preparedBy: string;
  date: string;
}

export interface PacketExhibit {
  /** Overrides the generated label (P-3, C...). */
  label?: string | null;
  description: string;
  date?: string | null;
  documentId: string;
  /** The document's file name, to name it when one of its pages cannot be copied. */
  fileName?: string;
  /** The original file's bytes (an encrypted PDF's decrypted working copy): read, never modified. */
  pdfBytes: Uint8Array;
  /** 1-based inclusive page range of the original to include. */
  pageRange?: [number, number] | null;
  /**
   * OCR words per original page (index 0 = page 1), boxes in PDF points from the page's top-left as
   * displayed: drawn as invisible text so image-only pages become searchable. Missing/empty = none.
   */
  ocrWords?: Array<Word[] | null> | null;
}

export interface PacketFinding {
  title: string;
  description: string;
  evidence: PageCite[];
}

export interface ChronologyEntry {
  date: string;
  event: string;
  documentId: string;
  page?: number | null;
}

export interface DataTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface PacketChart {
  title: string;
  /** SVG from the app's chart code (echarts SSR): drawn as vector paths. */
  svg: string;
  table: DataTable;
  /** Optional note under the chart (lineage across years, flags). */
  note?: string | null;
  cites?: PageCite[];
}

export interface PacketCompEd {
  rows: Array<{
    service: string;
    period: string;
    required: number | null;
    delivered: number | null;
    missed: number | null;
    districtResponsible: number | null;
    studentAbsence: number | null;
    award: number | null;
    /** e.g. "logged" or "no record of delivery" */
    status: string;
    cites: PageCite[];
  }>;
  totals: { required: number; delivered: number; missed: number; districtResponsible: number; studentAbsence: number; award: number };
  methodLabel: string;
  /** Free text; may carry cite tokens from shared/compensatory/cites citeToken(), replaced by Bates numbers. */
  computationText: string;
  cites: PageCite[];
  /** Evidence of lost progress shown beside the missed time (goal data, flags). */
  progressEvidence?: Array<{ text: string; cites: PageCite[] }>;
}

export interface PacketInput {
  case: PacketCase;
  bates: BatesOptions;
  labelStyle: 'P-1' | 'A';
  sections: PacketSection[];
  exhibits: PacketExhibit[];
  findings: PacketFinding[];
  chronology: ChronologyEntry[];
  goalCharts: PacketChart[];
  scoreTrends: PacketChart[];
  compEd: PacketCompEd | null;
  /** A forum's binder choices (shared/forums); absent: slip sheets, numbered front matter, labels by labelStyle. */
  layout?: PacketLayout | null;
  /** TrueType fonts for the front matter; default: Liberation Sans from pdfjs-dist. */
  fonts?: { regular: string; bold: string } | null;
}

export interface PacketLayout {
  slipSheets: boolean;
  frontMatterPaginated: boolean;
  /** Replaces labelStyle when given: a party prefix (P-1, S-1) and numbers or letters. */
  numbering?: ExhibitNumbering | null;
  /** The front matter's page in points (cover, contents, index, slip sheets); absent: Letter, 3/4-inch margins. */
  page?: { width: number; height: number; margin: number } | null;
  /** The packet may be split into volumes (a forum's e-filing limits): the builder keeps a copy of the front matter without footers, for volume 1's own numbering. */
  splitsIntoVolumes?: boolean;
}

export interface PacketProgress {
  phase: 'reading' | 'layout' | 'exhibits' | 'saving' | 'checking' | 'done';
  done: number;
  total: number;
}

export interface BuildOptions {
  onProgress?: (p: PacketProgress) => void;
  signal?: AbortSignal;
  /** Read the built PDF back and refuse it on any pagination defect (pagination-check.ts). Default true. */
  checkPagination?: boolean;
}

export interface ExhibitPlacement {
  label: string;
  description: string;
  date: string | null;
  documentId: string;
  /** Original pages included, 1-based. */
  originalPages: number[];
  batesFirst: string;
  batesLast: string;
  /** 1-based packet pages: the slip sheet (null without slip sheets) and the first/last stamped page. */
  slipPage: number | null;
  firstPage: number;
  lastPage: number;
}

export interface PacketManifest {
  pageCount: number;
  frontMatterPages: number;
  sections: Array<{ id: PacketSection; title: string; page: number }>;
  exhibits: ExhibitPlacement[];
  /** Cites in the front matter that point to pages not in the packet. */
  unresolvedCites: PageCite[];
}

export interface PacketResult {
  pdf: Uint8Array;
  manifest: PacketManifest;
  /** With layout.splitsIntoVolumes and numbered front matter: the front matter's pages (its first manifest.frontMatterPages) without footers. */
  frontMatterUnnumbered?: Uint8Array;
}
