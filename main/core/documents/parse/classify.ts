// Suggests a document's type (and IEP subtype) from evidence over the whole document: what it calls
// itself (title lines, the titles of its other pages), its section headings, its vocabulary, and its
// structure as the layout model sees it (classify-evidence.ts). Phrases are data
// (extract/vocab/doc-types.ts) naming the language of special education in general, never one
// district's form; the confidence says how far the winner leads and how much evidence it has.
import type { Classification, DocType, PageContent } from '../../../../shared/domain';
import type { DocumentLayout } from '../../layout';
import type { EvidenceKind } from '../../extract/vocab/doc-types';
import { pickDocumentDate } from './classify-dates';
import { documentModel } from './classify-layout';
import { gatherEvidence, type Evidence, type Structure } from './classify-evidence';
import { iepSubtype } from './classify-subtype';
import { documentLines, type DocLine } from './doc-lines';

export { iepSubtype } from './classify-subtype';
export type { Evidence } from './classify-evidence';

export interface ClassifyMeta {
  fileName: string;
  /** Sent date (ISO day) when the document is an email message itself. */
  emailDate?: string | null;
}

type Scores = Record<DocType, number>;

/** Below this much evidence the document is 'other'. */
const MIN_EVIDENCE = 3;

function emptyScores(): Scores {
  return { iep: 0, progress_report: 0, score_report: 0, evaluation: 0, service_log: 0, correspondence: 0, other: 0 };
}

/**
 * Scores are read as an evaluation or a score report by who gave the tests: individually given,
 * norm-referenced instruments (standard scores, an examiner) make an evaluation; state tests and
 * vendors' screeners (scale scores, levels, benchmark statuses) a score report.
 */
function scoresAs(s: Structure): DocType {
  return s.clinical > s.vendor ? 'evaluation' : 'score_report';
}

/** Evidence summed per type. */
export function scoresFrom(evidence: Evidence[], structure: Structure): Scores {
  const scores = emptyScores();
  const target = (k: EvidenceKind): DocType => (k === 'scores' ? scoresAs(structure) : k);
  for (const e of evidence) scores[target(e.kind)] += e.weight;
  for (const t of Object.keys(scores) as DocType[]) scores[t] = Math.round(scores[t] * 10) / 10;
  return scores;
}

/** Evidence for each type, for tests and for explaining a suggestion. */
export function explainClassification(pages: PageContent[], meta: ClassifyMeta): { scores: Scores; evidence: Evidence[]; lines: DocLine[]; layout: DocumentLayout | null } {
  const lines = documentLines(pages);
  const layout = documentModel(pages);
  const { evidence, structure } = gatherEvidence(lines, layout, meta.emailDate);
  return { scores: scoresFrom(evidence, structure), evidence, lines, layout };
}

/** Classifies a document from its pages. */
export function classify(pages: PageContent[], meta: ClassifyMeta): Classification {
  const { scores, lines, layout } = explainClassification(pages, meta);
  const ranked = (Object.entries(scores) as Array<[DocType, number]>).filter(([t]) => t !== 'other').sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const type: DocType = best[1] >= MIN_EVIDENCE ? best[0] : 'other';
  const typeConfidence = type === 'other' ? (lines.length ? 0.4 : 0.2) : confidenceFrom(best[1], second[1]);
  const subtype = type === 'iep' ? iepSubtype(lines, layout) : null;
  const date = pickDocumentDate(lines, type, subtype?.value ?? null, meta.emailDate ?? null);
  return {
    type: { value: type, confidence: typeConfidence },
    subtype: subtype ? subtype : { value: null, confidence: 1 },
    date,
  };
}

/** More evidence and a wider lead over the runner-up give a surer suggestion. */
function confidenceFrom(best: number, second: number): number {
  const lead = (best - second) / best;
  const strength = Math.min(1, best / 14);
  return Math.round(Math.min(0.98, 0.3 + 0.45 * lead + 0.25 * strength) * 100) / 100;
}
