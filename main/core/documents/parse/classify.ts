// Suggests a document's type (and IEP subtype) from weighted evidence: the title zone counts most,
// the vocabulary of the whole document adds up behind it. Patterns name the language of special
// education in general (federal terms, common vendors and state tests), never one district's form.
import type { Classification, DocType, IepSubtype, PageContent } from '../../../../shared/domain';
import { pickDocumentDate } from './classify-dates';
import { documentLines, headLines, type DocLine } from './doc-lines';

export interface ClassifyMeta {
  fileName: string;
  /** Sent date (ISO day) when the document is an email message itself. */
  emailDate?: string | null;
}

type Scores = Record<DocType, number>;

/**
 * Title-zone phrases, strongest first within a line: one line names one kind of document.
 * Named tests come before progress reports because vendors call score reports "Student Progress Report".
 */
const TITLE_RULES: Array<[DocType, RegExp, number]> = [
  ['service_log', /\b(service|session|therapy|provider|minutes?|attendance)\s+(delivery\s+)?(log|tracker|tracking|record|detail report|notes)\b|\bservice\s+delivery\s+(report|summary)\b|\blog\s+of\s+services\b/i, 8],
  ['score_report', /\b(score\s+report|assessment\s+(profile|results?|summary\s+report)|student\s+(score|assessment|test)\s+report|individual\s+student\s+report|family\s+report|test\s+results?\s+report|diagnostic\s+(results|report)|benchmark\s+report|state\s+(assessment|test))\b|\b(caaspp|smarter\s+balanced|i-?ready|map\s+growth|nwea|staar|maap|parcc|elpac|istep|forward\s+exam|acadience|star\s+(reading|math))\b/i, 7],
  ['progress_report', /\bprogress\s+(report|monitoring\s+report|toward|towards|on\s+(the\s+)?(annual\s+)?(iep\s+)?goals)\b|\breport\s+(of|on)\s+(student\s+)?progress\b|\b(iep\s+)?goal\s+progress\b/i, 8],
  ['correspondence', /\b(prior\s+written\s+notice|written\s+notice|notice\s+of\s+(action|proposed|refus|intent|(the\s+)?(iep\s+|team\s+|an?\s+)*meeting|conference|procedural)|meeting\s+(notice|invitation)|invitation\s+to\s+(an?\s+)?(iep\s+)?(meeting|conference)|notice\s+to\s+parents?|letter\s+to\s+parents?|consent\s+(for|to)\s+(evaluat|assess|release)|request\s+for\s+(records|evaluation|assessment))\b/i, 8],
  ['evaluation', /\b(psycho-?educational|psychological|neuro-?psychological|speech(\s+and|\s*[-/&]\s*)?\s*language|occupational\s+therapy|physical\s+therapy|functional\s+behaviou?r(al)?|multi-?disciplinary|educational|independent\s+educational|academic|cognitive|audiological|assistive\s+technology|triennial|initial|re-?)\s*(evaluation|assessment)(\s+(report|summary))?\b|\bevaluation\s+(report|summary)\b|\beligibility\s+(report|determination|summary)\b|\bassessment\s+report\b|\bevaluation\s+team\s+report\b/i, 7],
  ['iep', /\b(individuali[sz]ed|individual)\s+education(al)?\s+(program|plan)\b|\biep\s+(amendment|addendum|revision|document)\b|\b(amendment|addendum|revision)s?\s+(to|of)\s+(the\s+)?iep\b|^\s*(annual\s+|initial\s+|amended\s+|interim\s+)?iep\s*$/i, 7],
];

/** Vocabulary anywhere in the document: weight per distinct phrase found (each counted once). */
const BODY_RULES: Array<[DocType, RegExp, number]> = [
  ['iep', /present\s+levels?\s+of\s+(academic|educational)|\bplaa?fp\b|\bplep\b|\bplop\b/i, 2],
  ['iep', /measurable\s+(annual\s+)?goals?|annual\s+(measurable\s+)?goals?/i, 1],
  ['iep', /least\s+restrictive\s+environment|\blre\b/i, 1.5],
  ['iep', /special\s+education\s+and\s+related\s+services|related\s+services/i, 1],
  ['iep', /supplementary\s+aids|accommodations\s+(and|&)\s+modifications|program\s+modifications/i, 1],
  ['iep', /extended\s+school\s+year|\besy\b/i, 1],
  ['iep', /(meeting|iep)\s+type|type\s+of\s+(meeting|iep)|purpose\s+of\s+(the\s+)?meeting/i, 1.5],
  ['iep', /participation\s+in\s+(state|district)|statewide\s+assessment|state\s*-?wide\s+assessment/i, 1],
  ['iep', /next\s+annual\s+review|annual\s+review\s+date|iep\s+(period|duration|start)|projected\s+(date|start)/i, 1.5],
  ['iep', /transition\s+(plan|services)|postsecondary\s+goals/i, 1],
  ['progress_report', /progress\s+(codes?|key|ratings?)|\b(reporting|marking|grading)\s+period\b/i, 2],
  ['progress_report', /(sufficient|insufficient|adequate|inadequate|satisfactory)\s+progress|making\s+(adequate\s+)?progress|goal\s+(met|mastered|achieved)|not\s+yet\s+(introduced|addressed|initiated)/i, 2],
  ['progress_report', /progress\s+(toward|towards)\s+(the\s+)?(annual\s+)?goals?|progress\s+report/i, 1],
  ['score_report', /scale\s+score|achievement\s+level|performance\s+level|\blexile\b|\bquantile\b|\brit\b|benchmark\s+status/i, 2],
  ['score_report', /\b(caaspp|smarter\s+balanced|sbac|i-?ready|map\s+growth|nwea|staar|maap|parcc|elpac|acadience|dibels|iowa\s+assessments?|star\s+(reading|math)|aimsweb)\b/i, 2],
  ['score_report', /(state|district)\s+(assessment|benchmark)|test\s+date|date\s+tested|percentile\s+rank/i, 1],
  ['evaluation', /reason\s+for\s+(referral|evaluation|assessment)|referral\s+question/i, 3],
  ['evaluation', /tests?\s+administered|assessment\s+(instruments|procedures|tools|measures)|instruments\s+used|evaluation\s+procedures/i, 2],
  ['evaluation', /behaviou?ral\s+observations?|test(ing)?\s+observations?|classroom\s+observation/i, 1.5],
  ['evaluation', /background\s+information|developmental\s+history|health\s+history|educational\s+history/i, 1.5],
  ['evaluation', /summary\s+(and|&)\s+recommendations|recommendations\s+(for|to)\s+the\s+(iep\s+)?team|eligibility\s+(criteria|statement)|meets\s+(the\s+)?(eligibility\s+)?criteria/i, 1.5],
  ['evaluation', /\b(wisc|wais|wppsi|wj[- ]?(iv|iii)|woodcock|celf|kabc|das-?ii|ctopp|basc|conners|vineland|wiat|ctoni|tapit?s|gfta|casl|towl|beery|vmi|bot-?2|brief-?2|sb-?5|stanford-?binet|rias)\b/i, 1.5],
  ['evaluation', /full\s+scale\s+iq|\bfsiq\b|cognitive\s+(ability|processing)|processing\s+speed|working\s+memory|phonological\s+processing/i, 1],
  ['service_log', /\b(not\s+provided|make-?up\s+session|minutes\s+(delivered|provided)|sched(uled)?\.?\s+min|session\s+(status|notes?|date)|provider\s+(absent|unavailable))\b/i, 2],
  ['correspondence', /^\s*(dear|hello|hi|good\s+(morning|afternoon))\b[^\n]{0,60}[,:]\s*$/im, 3],
  ['correspondence', /^\s*(re|subject|regarding)\s*:/im, 1.5],
  ['correspondence', /^\s*(sincerely|respectfully|regards|best\s+regards|kind\s+regards|warm\s+regards|thank\s+you|thanks|cordially|best)\s*,?\s*$/im, 2],
  ['correspondence', /procedural\s+safeguards/i, 1],
];

const EMAIL_HEADER = /^\s*(from|to|cc|bcc|sent|date|subject)\s*:/i;
const SESSION_ROW = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b.*\b\d{1,3}\b.*\b(delivered|provided|absent|attended|missed|cancel+ed|make-?up|present|no\s+show|holiday)\b/i;

function emptyScores(): Scores {
  return { iep: 0, progress_report: 0, score_report: 0, evaluation: 0, service_log: 0, correspondence: 0, other: 0 };
}

/** Evidence for each type, for tests and for explaining a suggestion. */
export function typeScores(lines: DocLine[], meta: ClassifyMeta): Scores {
  const scores = emptyScores();
  const head = headLines(lines);
  // Each title line votes once, for its strongest kind, so "IEP Progress Report" is a progress report.
  const titleVotes = new Set<DocType>();
  for (const line of head) {
    const rule = TITLE_RULES.find(([, re]) => {
      const m = re.exec(line.text);
      return m !== null && isTitleLike(line.text, m.index);
    });
    if (rule && !titleVotes.has(rule[0])) {
      titleVotes.add(rule[0]);
      scores[rule[0]] += rule[2];
    }
  }
  const all = lines.map((l) => l.text).join('\n');
  for (const [type, re, weight] of BODY_RULES) if (re.test(all)) scores[type] += weight;

  const headerLines = head.filter((l) => EMAIL_HEADER.test(l.text)).length;
  if (headerLines >= 2) scores.correspondence += 3 + 2 * Math.min(headerLines, 4);
  if (meta.emailDate) scores.correspondence += 10;
  const sessionRows = lines.filter((l) => SESSION_ROW.test(l.text)).length;
  if (sessionRows >= 5) scores.service_log += Math.min(8, 2 + sessionRows / 5);
  return scores;
}

/**
 * A heading, not a sentence that mentions a document: short, in capitals, or the phrase opens the line
 * (running headers often share a line with "Report Date: ..." on the right).
 */
function isTitleLike(text: string, matchIndex: number): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  const letters = text.replace(/[^A-Za-z]/g, '');
  const capitals = letters.replace(/[^A-Z]/g, '').length;
  if (letters.length > 0 && capitals / letters.length > 0.7) return true;
  if (matchIndex <= 2) return true;
  return words.length <= 10 && !/[a-z]\.\s*$/.test(text);
}

const IEP_MEETING_TYPE = /\b(meeting|iep|conference)\s+type\b|\btype\s+of\s+(meeting|iep|conference)\b|\bpurpose\s+of\s+(the\s+)?(meeting|conference)\b|\breason\s+for\s+(the\s+)?meeting\b/i;
const SUBTYPE_WORDS: Array<[IepSubtype, RegExp]> = [
  ['amendment', /\b(amendment|amended|addendum|amend)\b/i],
  ['revision', /\b(revision|revised|revise)\b/i],
  ['reevaluation', /\b(re-?evaluation|triennial|three[- ]year|3[- ]year)\b/i],
  ['initial', /\binitial\b/i],
  ['interim', /\b(interim|temporary|transfer)\b/i],
  ['annual', /\b(annual|yearly)\b/i],
];
const CHECKED = /(?:☒|☑|✓|✔|■|\[\s*[xX✓]\s*\]|\(\s*[xX✓]\s*\)|\b[xX]\s(?=[A-Za-z]))\s*([A-Za-z-]+(?:\s+[A-Za-z-]+)?)/g;

function subtypeOf(text: string): IepSubtype | null {
  for (const [subtype, re] of SUBTYPE_WORDS) if (re.test(text)) return subtype;
  return null;
}

/** The IEP's kind: a meeting-type field or a checked box first, then the title, then the body's own words. */
export function iepSubtype(lines: DocLine[]): { value: IepSubtype; confidence: number } {
  const head = headLines(lines, 30);
  for (const line of lines.slice(0, 120)) {
    const m = IEP_MEETING_TYPE.exec(line.text);
    if (!m) continue;
    const rest = line.text.slice(m.index + m[0].length);
    const checked = [...rest.matchAll(CHECKED)].map((c) => c[1]).join(' ');
    const fromBox = checked ? subtypeOf(checked) : null;
    if (fromBox) return { value: fromBox, confidence: 0.9 };
    // Unchecked option lists ("Initial / Annual / Amendment") say nothing; a lone value does.
    const options = SUBTYPE_WORDS.filter(([, re]) => re.test(rest.slice(0, 60))).length;
    if (options === 1) return { value: subtypeOf(rest.slice(0, 60))!, confidence: 0.9 };
  }
  for (const line of head) {
    if (!/\biep\b|individuali[sz]ed\s+education|individual\s+education/i.test(line.text)) continue;
    if (/\bnext\b|\bdue\b|\breview\s+date\b/i.test(line.text)) continue;
    const s = subtypeOf(line.text);
    if (s) return { value: s, confidence: 0.8 };
  }
  const all = lines.map((l) => l.text).join('\n');
  if (/\bamends\s+(the\s+)?iep\b|\bthis\s+amendment\b|\bamendment\s+to\s+(the\s+)?iep\b|changes?\s+(made\s+)?(to|in)\s+the\s+iep\s+without\s+a\s+meeting/i.test(all)) {
    return { value: 'amendment', confidence: 0.7 };
  }
  if (/\binitial\s+iep\b|\binitial\s+(eligibility|placement)\b/i.test(all)) return { value: 'initial', confidence: 0.6 };
  if (/\b(triennial|three[- ]year)\s+(iep|review|meeting)\b/i.test(all)) return { value: 'reevaluation', confidence: 0.6 };
  return { value: 'annual', confidence: 0.5 };
}

/** Classifies a document from its page text. */
export function classify(pages: PageContent[], meta: ClassifyMeta): Classification {
  const lines = documentLines(pages);
  const scores = typeScores(lines, meta);
  const ranked = (Object.entries(scores) as Array<[DocType, number]>).filter(([t]) => t !== 'other').sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const type: DocType = best[1] >= 3 ? best[0] : 'other';
  const typeConfidence = type === 'other' ? (lines.length ? 0.4 : 0.2) : confidenceFrom(best[1], second[1]);
  const subtype = type === 'iep' ? iepSubtype(lines) : null;
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
  const strength = Math.min(1, best / 12);
  return Math.round(Math.min(0.98, 0.35 + 0.4 * lead + 0.25 * strength) * 100) / 100;
}
