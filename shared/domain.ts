// Domain types shared by core, the API and the renderer. Pure types: no node:, no DOM.

export const DOC_TYPES = [
  'iep',
  'progress_report',
  'score_report',
  'evaluation',
  'service_log',
  'correspondence',
  'other',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const IEP_SUBTYPES = ['initial', 'annual', 'amendment', 'revision', 'reevaluation', 'interim'] as const;
export type IepSubtype = (typeof IEP_SUBTYPES)[number];

/** [x0, y0, x1, y1] in PDF points (1/72 in), origin at the top-left of the page. */
export type BBox = [number, number, number, number];

export interface Word {
  text: string;
  bbox: BBox;
  /** 0-100; text-layer words are 100. */
  conf: number;
  /** Set in a bold face (text layers say; OCR does not): header rows and headings. */
  bold?: boolean;
}

export type TextSource = 'text_layer' | 'ocr';

export interface PageContent {
  /** 1-based. */
  pageNumber: number;
  /** Page size in PDF points (images: pixels * 72 / dpi). */
  width: number;
  height: number;
  text: string;
  words: Word[];
  source: TextSource;
  /** Mean word confidence for OCR pages, null for text-layer pages. */
  meanConfidence: number | null;
  /** Lines and boxes drawn on the page (ruling lines, checkboxes), when the reader found them. */
  graphics?: PageGraphics;
  /** Version of the page reading that made this page (main/core/layout LAYOUT_VERSION); absent: before versions. */
  layoutVersion?: number;
}

/** An axis-aligned drawn line (table ruling, underline), in PDF points from the top-left. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A small drawn square or circle (checkbox, radio button) and whether it is marked. */
export interface GraphicBox {
  bbox: BBox;
  shape: 'square' | 'circle';
  /** true marked, false empty, null when the mark cannot be read. */
  checked: boolean | null;
  source: 'vector' | 'image' | 'pixels';
}

export interface PageGraphics {
  rules: Rule[];
  boxes: GraphicBox[];
}

/** Where a value came from: the document, 1-based page and box on it. */
export interface Provenance {
  documentId: string;
  page: number;
  bbox: BBox | null;
}

export interface Suggestion<T> {
  value: T;
  /** 0-1 */
  confidence: number;
}

export interface Classification {
  type: Suggestion<DocType>;
  subtype: Suggestion<IepSubtype | null>;
  date: Suggestion<string | null>;
}

export type Direction = 'increase' | 'decrease' | 'maintain';

export interface GoalComponents {
  condition: boolean;
  behavior: boolean;
  criterion: boolean;
  timeframe: boolean;
}

export interface ExtractedGoal {
  /** Stable within its document: used to key user corrections. */
  key: string;
  number: number | null;
  area: string | null;
  text: string;
  baselineText: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  unit: string | null;
  direction: Direction | null;
  targetDate: string | null;
  /**
   * The date a timeframe the goal counts from its IEP names ("in six months", "by January", "by the
   * next annual review"), resolved with the IEP's dates; targetDate stays the date the goal writes.
   */
  impliedTargetDate?: string | null;
  measuredBy: string | null;
  objectives: string[];
  components: GoalComponents;
  measurable: boolean;
  /** Grade level of the material the goal names ("3rd grade passage" -> 3), when stated. */
  gradeLevel: number | null;
  source: Provenance;
  confidence: number;
  /** What the confidence rests on, in a few words ("OCR 62% in box", "code in legend"): Review shows them. */
  reasons?: string[];
}

export type ServicePer = 'day' | 'week' | 'month' | 'year' | 'session';

export interface ExtractedService {
  key: string;
  service: string;
  serviceCode: string | null;
  minutesPerSession: number | null;
  sessionsPerPeriod: number | null;
  period: ServicePer | null;
  minutesPerWeek: number | null;
  minutesPerMonth: number | null;
  frequencyText: string;
  location: string | null;
  provider: string | null;
  startDate: string | null;
  endDate: string | null;
  source: Provenance;
  confidence: number;
  /** What the confidence rests on, in a few words ("OCR 62% in box", "code in legend"): Review shows them. */
  reasons?: string[];
}

/** A person an IEP names for the student (parent, case manager), as printed. */
export interface StudentContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface ExtractedIep {
  type: IepSubtype | null;
  meetingDate: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Meeting date of the IEP this one amends, when it says. */
  amendsMeetingDate: string | null;
  nextAnnualReview: string | null;
  nextReevaluation: string | null;
  reportingSchedule: string | null;
  /** Progress reports promised per year, when the schedule says (trimester 3, quarterly 4). */
  reportsPerYear: number | null;
  student: {
    name: string | null;
    dob: string | null;
    grade: string | null;
    school: string | null;
    district: string | null;
    primaryDisability: string | null;
    secondaryDisability?: string | null;
    /** The parent or guardian the IEP names, with the contact details printed beside. */
    parent?: StudentContact | null;
    /** The case manager (or the person the IEP names to contact about it). */
    caseManager?: StudentContact | null;
  };
  goals: ExtractedGoal[];
  /**
   * Goals of the IEP before, printed inside this one (SEIS prints them after the new goals, with
   * their progress reports filled in): kept apart from this IEP's own goals.
   */
  priorGoals?: ExtractedGoal[];
  /** Progress reports printed with the prior-year goals (codes, data), read as a progress report's entries. */
  priorProgress?: ProgressEntry[];
  services: ExtractedService[];
  accommodations: string[];
  source: Provenance;
}

export interface DataPoint {
  date: string | null;
  value: number;
  unit: string | null;
  source: Provenance;
  /** Reprinted from an earlier period's column of a report that shows the whole year (not this report's own period). */
  earlierPeriod?: boolean;
}

export interface ProgressEntry {
  key: string;
  goalNumber: number | null;
  /** Goal area/label as the report prints it, to link entries to goals. */
  goalLabel: string | null;
  code: string | null;
  codeText: string | null;
  comment: string | null;
  hasData: boolean;
  dataPoints: DataPoint[];
  source: Provenance;
  confidence: number;
  /** What the confidence rests on, in a few words ("OCR 62% in box", "code in legend"): Review shows them. */
  reasons?: string[];
}

export interface ExtractedProgressReport {
  reportDate: string | null;
  periodLabel: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** IEP meeting date the report refers to, when printed. */
  iepMeetingDate: string | null;
  legend: Record<string, string>;
  entries: ProgressEntry[];
}

export interface TestScore {
  key: string;
  test: string;
  subtest: string;
  /** A canonical name for the measure beside the printed one ("Word Reading" for "Letter-Word Identification"), when the vocabulary knows it. */
  alias?: string | null;
  date: string | null;
  scoreType: string | null;
  score: number | null;
  percentile: number | null;
  level: string | null;
  ciLow: number | null;
  ciHigh: number | null;
  source: Provenance;
  confidence: number;
  /** What the confidence rests on, in a few words ("OCR 62% in box", "code in legend"): Review shows them. */
  reasons?: string[];
}

export interface ServiceSession {
  date: string;
  service: string;
  scheduledMinutes: number;
  deliveredMinutes: number;
  status: string | null;
  /** 'delivered' | 'student_absence' | 'district' (provider absence, school event, unfilled...) */
  responsibility: 'delivered' | 'student_absence' | 'district';
  source: Provenance;
}

export interface ServiceDeliverySummary {
  key: string;
  service: string;
  periodStart: string | null;
  periodEnd: string | null;
  minutesRequired: number;
  minutesDelivered: number;
  minutesMissed: number;
  minutesMissedDistrictResponsible: number;
  minutesMissedStudentAbsence: number;
  source: Provenance;
}

export interface ExtractedServiceLog {
  sessions: ServiceSession[];
  summaries: ServiceDeliverySummary[];
}

export interface ExtractedCorrespondence {
  from: string | null;
  to: string | null;
  cc: string | null;
  date: string | null;
  subject: string | null;
}

/** Everything extraction found in one document. Fields not relevant to its type are null. */
export interface ExtractionResult {
  extractorVersion: number;
  iep: ExtractedIep | null;
  progressReport: ExtractedProgressReport | null;
  testScores: TestScore[];
  serviceLog: ExtractedServiceLog | null;
  correspondence: ExtractedCorrespondence | null;
}
