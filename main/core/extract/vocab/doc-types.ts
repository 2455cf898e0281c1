// What each kind of special-education document calls itself and its parts, as data for the
// classifier (documents/parse/classify*.ts). Phrases name the language of special education in
// general: federal terms, state committee names, vendors' and state tests' names, never one
// district's form. A new form's wording is a new row here, with a note on where such wording is seen.
import type { DocType } from '../../../../shared/domain';

/** A document kind, or 'scores': a score document the instruments decide (evaluation or score report). */
export type EvidenceKind = Exclude<DocType, 'other'> | 'scores';

export interface Phrase {
  kind: EvidenceKind;
  re: RegExp;
  seen: string;
}

/**
 * Titles, in precedence order: a line that names several kinds is the first one listed ("IEP
 * Progress Report" is a progress report, "Notice of ARD Meeting" a notice, "NWEA Student Progress
 * Report" a score report), since logs, reports and notices name themselves after the IEP they serve.
 */
export const TITLE_PHRASES: Phrase[] = [
  { kind: 'service_log', re: /\b(service|session|therapy|therapist|provider|minutes?|attendance|encounter|treatment)s?\s+(delivery\s+)?(logs?|tracker|tracking|records?|detail\s+report|notes|attendance)\b/i, seen: 'SEIS and Frontline service logs, "Service Provider Log", "Therapy Attendance", "Encounter Attendance" (NYC related services)' },
  { kind: 'service_log', re: /\bservice\s+delivery\s+(report|summary)\b|\blog\s+of\s+(related\s+)?services\b|\brelated\s+services?\s+(delivery\s+)?(log|record|report)\b|\battendance\s+(log|record|sheet)\b|\bencounters?\s+(log|report|history)\b/i, seen: '"Related Services Delivery Log", Medicaid encounter reports, attendance sheets of contracted therapists' },
  { kind: 'score_report', re: /\b(score\s+report|assessment\s+(profile|summary\s+report)|student\s+(score|assessment|test)\s+report|individual\s+student\s+report|family\s+report|parent\s+report|diagnostic\s+(results|report)|benchmark\s+(assessment\s+)?report|state\s+(assessment|test)(\s+results)?|screening\s+report)\b/i, seen: 'CAASPP and NYS score reports, "Student Assessment Profile", MAP family reports, i-Ready diagnostics, Acadience benchmark reports' },
  { kind: 'score_report', re: /\b(caaspp|smarter\s+balanced|i-?ready|map\s+growth|nwea|staar|maap|parcc|elpac|istep|forward\s+exam|acadience|dibels|star\s+(reading|math|early\s+literacy)|aimsweb|easycbm|fastbridge)\b/i, seen: 'state tests and vendors\' screeners named in report titles' },
  { kind: 'progress_report', re: /\bprogress\s+(reports?|monitoring\s+report|notes?|updates?|summary|toward|towards|on\s+(the\s+)?(annual\s+)?(iep\s+)?goals)\b|\breports?\s+(of|on)\s+(student\s+)?progress\b|\b(iep\s+|annual\s+)?goals?\s+progress\b|\bprogress\s+(on|toward|towards)\b/i, seen: 'PowerSchool and SEIS "IEP Goal Progress Report", "Progress Report on Annual IEP Goals", Word-typed "Progress note", "Annual Goal Progress"' },
  { kind: 'correspondence', re: /\b(prior\s+written\s+notice|written\s+notice|notice\s+of\s+(action|proposed|refus|intent|(the\s+|an?\s+)?([\w,()]+\s+){0,6}?(meeting|conference)|conference|procedural)|meeting\s+(notice|invitation)|invitation\s+to\s+(an?\s+)?(the\s+)?(iep|individuali[sz]ed|individual|ard|cse|team)?[\w\s]{0,40}?(meeting|conference)|notice\s+to\s+parents?|letter\s+to\s+parents?|consent\s+(for|to)\s+(evaluat|assess|release)|request\s+for\s+(records|evaluation|assessment))\b/i, seen: 'prior written notices (federal term), SEIS "Invitation to Individual Educational Program Team Meeting/Notice of Meeting", consent and records-request forms' },
  { kind: 'evaluation', re: /\b(psycho-?educational|psychological|neuro-?psychological|speech(\s+and|\s*[-/&]\s*)?\s*language|occupational\s+therapy|physical\s+therapy|functional\s+behaviou?r(al)?|multi-?disciplinary|educational|independent\s+educational|academic|achievement|cognitive|audiological|assistive\s+technology|triennial|initial|re-?)\s*(evaluation|assessment)(\s+(report|summary))?\b/i, seen: '"Psychoeducational Evaluation Report", "Speech and Language Evaluation", "Multidisciplinary Evaluation" (federal MDT), "Functional Behavior Assessment"' },
  { kind: 'evaluation', re: /\bfull\s+(and\s+)?individual(ized)?\s+(initial\s+)?evaluation\b|\bevaluation\s+(team\s+)?(report|summary)\b|\beligibility\s+(report|determination|summary)\b|\bassessment\s+report\b|\bpsychological\s+report\b/i, seen: 'Texas "Full and Individual Evaluation" (FIE), Pennsylvania "Evaluation Report", "Evaluation Team Report" (Ohio ETR), "Multidisciplinary Assessment Report"' },
  { kind: 'scores', re: /\b(test(ing)?|assessment|score)\s+(history|results?|summary|scores)\b|\b(achievement|standardi[sz]ed)\s+test(ing|s)?\b|\bscore\s+summary\b/i, seen: '"Testing History" printed from a student information system, "Achievement Testing Results", "Test Results"' },
  { kind: 'iep', re: /\b(individuali[sz]ed|individual)\s+education(al)?\s+(program|plan|programme)\b|\biep\s+(amendment|addendum|revision|document|summary|at\s+a\s+glance|snapshot|report)\b|\b(amendment|addendum|revision)s?\s+(to|of)\s+(the\s+)?iep\b/i, seen: 'the federal name on most IEPs (SEIS, Frontline, PowerSchool), Word-typed "IEP Summary", vendors\' "IEP at a Glance"' },
  { kind: 'iep', re: /\badmission,?\s+review,?\s+(and|&)\s+dismissal\b|\bard\s*(\/|and)\s*iep\b|\bard\s+(committee\s+)?(report|meeting|document|supplement|deliberations|summary|minutes|amendment)\b/i, seen: 'Texas ARD/IEP: "Admission, Review and Dismissal (ARD) Committee Report/Meeting", "ARD Supplement"' },
  { kind: 'iep', re: /^\s*(annual\s+|initial\s+|amended\s+|interim\s+|triennial\s+)?(iep|ard)\s*$|^\s*(iep|ard)\s*[-–:]\s*(annual|initial|triennial|amendment|interim)\b|^\s*annual\s+(iep\s+)?review\s*$/i, seen: 'a title that is only "IEP", "IEP - Annual", "Annual Review"' },
];

/** Weight of a title vote per kind: what a document calls itself counts most. */
export const TITLE_WEIGHT: Record<EvidenceKind, number> = {
  iep: 8,
  progress_report: 8,
  correspondence: 8,
  service_log: 8,
  score_report: 7,
  evaluation: 7,
  scores: 6,
};

export interface SectionPhrase {
  kind: EvidenceKind;
  /** Matched at the start of a short line (a heading or a field label). */
  re: RegExp;
  weight: number;
  seen: string;
}

/** Section headings: each distinct one found counts once. */
export const SECTION_HEADINGS: SectionPhrase[] = [
  { kind: 'iep', re: /present\s+levels?\b|\bplaa?fp\b|\bplep\b|\bplop\b/i, weight: 2, seen: 'federal "Present Levels of Academic Achievement and Functional Performance"; Word-typed "Present levels"' },
  { kind: 'iep', re: /(measurable\s+)?(annual\s+)?(measurable\s+)?goals?(\s+and\s+(short[- ]term\s+)?(objectives|benchmarks))?\s*:?\s*$/i, weight: 1.5, seen: '"Annual Goals", "Measurable Annual Goals", "Goals and Objectives"' },
  { kind: 'iep', re: /(schedule\s+of\s+services|(special\s+education\s+(and|&)\s+)?related\s+services|special\s+education\s+services|services(\s+summary|\s+and\s+supports)?|service\s+delivery|offer\s+of\s+fape)\s*:?\s*$/i, weight: 1.5, seen: '"Schedule of Services" (ARD), "Special Education and Related Services", "Services", SEIS "Offer of FAPE"' },
  { kind: 'iep', re: /(supplementary\s+aids|accommodations(\s+(and|&)\s+modifications)?|program\s+modifications)/i, weight: 1, seen: 'accommodations sections of every IEP' },
  { kind: 'iep', re: /(least\s+restrictive\s+environment|educational\s+placement|placement\s+(and|&)\s+lre)/i, weight: 1.5, seen: 'federal LRE statement' },
  { kind: 'iep', re: /(participation\s+in\s+(state|district)|state(wide)?\s+(and\s+district\s+)?assessments?\s+participation|statewide\s+assessment)/i, weight: 1, seen: 'assessment participation sections' },
  { kind: 'iep', re: /((post-?\s*secondary\s+)?transition\s+(plan|services|planning)|individual\s+transition\s+plan|extended\s+school\s+year|special\s+(factors|considerations))/i, weight: 1, seen: 'transition plans (ITP in SEIS), ESY, special factors' },
  { kind: 'iep', re: /((iep|ard|committee|team)\s+(members|participants|signatures|deliberations)|parent(al)?\s+(concerns|input)|student\s+strengths)/i, weight: 1, seen: 'signature pages, ARD deliberations, parent concerns' },
  { kind: 'progress_report', re: /(progress\s+(codes?|key|legend|ratings?|status)|(reporting|marking|grading)\s+period|progress\s+(toward|towards)\s+(the\s+)?(annual\s+)?goals?)/i, weight: 1.5, seen: 'legends and period labels of progress reports' },
  { kind: 'evaluation', re: /(reasons?\s+for\s+(referral|evaluation|assessment)|referral\s+(question|concerns?|information))/i, weight: 3, seen: 'psychoeducational and speech-language reports' },
  { kind: 'evaluation', re: /(tests?\s+administered|assessment\s+(instruments|procedures|tools|measures)|instruments\s+used|evaluation\s+procedures|sources\s+of\s+(information|data))/i, weight: 2, seen: 'evaluation reports\' list of measures' },
  { kind: 'evaluation', re: /(behaviou?ral\s+observations?|test(ing)?\s+observations?|classroom\s+observations?|validity\s+(of\s+(the\s+)?)?(results|testing))/i, weight: 1.5, seen: 'evaluation reports' },
  { kind: 'evaluation', re: /(background\s+information|developmental\s+history|health\s+history|educational\s+history|relevant\s+history)/i, weight: 1.5, seen: 'evaluation reports\' history sections' },
  { kind: 'evaluation', re: /(summary\s+(and|&)\s+recommendations|recommendations|conclusions?|interpretation\s+of\s+results|eligibility\s+(criteria|statement|determination)|diagnostic\s+impressions?)\s*:?\s*$/i, weight: 1.5, seen: 'closing sections of evaluation reports' },
  { kind: 'evaluation', re: /(cognitive|intellectual|academic\s+achievement|social[- ]emotional|adaptive\s+behaviou?r|language|motor|processing)\s+(functioning|abilities|skills|achievement|assessment|results)?\s*:?\s*$/i, weight: 1, seen: 'domain sections of psychoeducational reports ("Academic Achievement", "Cognitive Functioning")' },
];

/** Vocabulary anywhere in the document: each distinct phrase found counts once. */
export const BODY_PHRASES: Array<{ kind: EvidenceKind; re: RegExp; weight: number; seen: string }> = [
  { kind: 'iep', re: /present\s+levels?\s+of\s+(academic|educational)|\bplaa?fp\b|\bplep\b|\bplop\b/i, weight: 2, seen: 'federal PLAAFP' },
  { kind: 'iep', re: /measurable\s+(annual\s+)?goals?|annual\s+(measurable\s+)?goals?/i, weight: 1, seen: 'federal "measurable annual goals"' },
  { kind: 'iep', re: /least\s+restrictive\s+environment|\blre\b/i, weight: 1.5, seen: 'federal LRE' },
  { kind: 'iep', re: /special\s+education\s+and\s+related\s+services|related\s+services/i, weight: 1, seen: 'federal "special education and related services"' },
  { kind: 'iep', re: /supplementary\s+aids|accommodations\s+(and|&)\s+modifications|program\s+modifications/i, weight: 1, seen: 'federal "supplementary aids and services"' },
  { kind: 'iep', re: /extended\s+school\s+year|\besy\b/i, weight: 1, seen: 'ESY' },
  { kind: 'iep', re: /(meeting|iep|ard|conference)\s+type|type\s+of\s+(meeting|iep)|purpose\s+of\s+(the\s+)?(meeting|ard|iep)|reason\s+for\s+(the\s+)?(meeting|ard)/i, weight: 1.5, seen: 'meeting-type fields ("Purpose of ARD", "Reason for Meeting")' },
  { kind: 'iep', re: /participation\s+in\s+(state|district)|statewide\s+assessment|state\s*-?wide\s+assessment/i, weight: 1, seen: 'assessment participation' },
  { kind: 'iep', re: /next\s+annual\s+review|annual\s+review\s+date|iep\s+(period|duration|start|in\s+effect)|projected\s+(date|start)|(ard|iep)\s+duration/i, weight: 1.5, seen: 'IEP period fields' },
  { kind: 'iep', re: /transition\s+(plan|services)|postsecondary\s+goals/i, weight: 1, seen: 'transition plans' },
  { kind: 'progress_report', re: /progress\s+(codes?|key|ratings?)|\b(reporting|marking|grading)\s+period\b/i, weight: 2, seen: 'progress report legends and periods' },
  { kind: 'progress_report', re: /(sufficient|insufficient|adequate|inadequate|satisfactory)\s+progress|making\s+(adequate\s+)?progress|goal\s+(met|mastered|achieved)|not\s+yet\s+(introduced|addressed|initiated)/i, weight: 2, seen: 'progress ratings' },
  { kind: 'progress_report', re: /progress\s+(toward|towards)\s+(the\s+)?(annual\s+)?goals?|progress\s+report/i, weight: 1, seen: 'progress reporting' },
  { kind: 'score_report', re: /scale\s+score|achievement\s+level|performance\s+level|\blexile\b|\bquantile\b|\brit\b|benchmark\s+status/i, weight: 2, seen: 'state tests and vendor screeners' },
  { kind: 'score_report', re: /\b(caaspp|smarter\s+balanced|sbac|i-?ready|map\s+growth|nwea|staar|maap|parcc|elpac|acadience|dibels|iowa\s+assessments?|star\s+(reading|math)|aimsweb)\b/i, weight: 2, seen: 'state tests and vendor screeners' },
  { kind: 'score_report', re: /(state|district)\s+(assessment|benchmark)|test\s+date|date\s+tested|percentile\s+rank/i, weight: 1, seen: 'score report headers' },
  { kind: 'evaluation', re: /reason\s+for\s+(referral|evaluation|assessment)|referral\s+question/i, weight: 3, seen: 'evaluation reports' },
  { kind: 'evaluation', re: /tests?\s+administered|assessment\s+(instruments|procedures|tools|measures)|instruments\s+used|evaluation\s+procedures/i, weight: 2, seen: 'evaluation reports' },
  { kind: 'evaluation', re: /behaviou?ral\s+observations?|test(ing)?\s+observations?|classroom\s+observation/i, weight: 1.5, seen: 'evaluation reports' },
  { kind: 'evaluation', re: /background\s+information|developmental\s+history|health\s+history|educational\s+history/i, weight: 1.5, seen: 'evaluation reports' },
  { kind: 'evaluation', re: /summary\s+(and|&)\s+recommendations|recommendations\s+(for|to)\s+the\s+(iep\s+)?team|eligibility\s+(criteria|statement)|meets\s+(the\s+)?(eligibility\s+)?criteria/i, weight: 1.5, seen: 'evaluation reports' },
  { kind: 'evaluation', re: /\b(examiner|evaluator|school\s+psychologist|diagnostician|speech[- ]language\s+pathologist)\b/i, weight: 1, seen: 'who tested: evaluation reports name the examiner' },
  { kind: 'evaluation', re: /full\s+scale\s+iq|\bfsiq\b|cognitive\s+(ability|processing)|processing\s+speed|working\s+memory|phonological\s+processing/i, weight: 1, seen: 'cognitive testing' },
  { kind: 'service_log', re: /\b(not\s+provided|make-?up\s+session|minutes\s+(delivered|provided)|sched(uled)?\.?\s+min|session\s+(status|notes?|date)|provider\s+(absent|unavailable)|therapist\s+(absent|out))\b/i, weight: 2, seen: 'session rows of service logs' },
  { kind: 'correspondence', re: /^\s*(dear|hello|hi|good\s+(morning|afternoon))\b[^\n]{0,60}[,:]\s*$/im, weight: 3, seen: 'salutations' },
  { kind: 'correspondence', re: /^\s*(re|subject|regarding)\s*:/im, weight: 1.5, seen: 'subject lines' },
  { kind: 'correspondence', re: /^\s*(sincerely|respectfully|regards|best\s+regards|kind\s+regards|warm\s+regards|thank\s+you|thanks|cordially|best)\s*,?\s*$/im, weight: 2, seen: 'closings' },
  { kind: 'correspondence', re: /procedural\s+safeguards/i, weight: 1, seen: 'notices enclose the procedural safeguards' },
];

/**
 * Who gave a test decides what a page of scores is. Individually given, norm-referenced instruments
 * reported as standard scores belong to an evaluation; state tests and vendors' screeners, reported
 * as scale scores, levels and benchmark statuses, make a score report.
 */
export const SCORE_SOURCES: { clinical: RegExp[]; vendor: RegExp[] } = {
  clinical: [
    /\b(wisc|wais|wppsi|wj[- ]?(iv|iii|4|3)|woodcock|celf|kabc|ktea|das-?ii|ctopp|basc|conners|vineland|wiat|ctoni|tapit?s|gfta|casl|towl|tower|beery|vmi|bot-?2|brief-?2|sb-?5|stanford-?binet|rias|ppvt|evt|clinical\s+evaluation\s+of\s+language)\b/i,
    /standard\s+scores?|\bSS\b|composite\s+scores?|index\s+scores?|\bcluster\b/i,
    /mean\s+(of\s+)?100|standard\s+deviation\s+(of\s+)?15/i,
    /\b(examiner|evaluator|school\s+psychologist|diagnostician)\b/i,
  ],
  vendor: [
    /\b(caaspp|smarter\s+balanced|sbac|i-?ready|map\s+growth|nwea|staar|maap|parcc|elpac|istep|acadience|dibels|iowa\s+assessments?|star\s+(reading|math)|aimsweb|easycbm|fastbridge|regents|eoc|end[- ]of[- ]course)\b/i,
    /scale\s+score|\brit\b|\blexile\b|\bquantile\b/i,
    /achievement\s+level|performance\s+level|proficien|standard\s+(not\s+|nearly\s+)?met|benchmark\s+(status|goal|category)|(at|above|below)\s+benchmark|achievement\s+quintile/i,
  ],
};

/** Column headings of a table of scores. */
export const SCORE_COLUMN = /\b(score|scores|percentile|%ile|ss|ss\*|pr|npr|rit|standard|scaled|scale|stanine|lexile|quantile|t-score|grade\s+equiv(alent)?|age\s+equiv(alent)?)\b/i;

/** Column headings of a table of sessions: minutes, times in and out, attendance. */
export const SESSION_COLUMN = /\b(min(ute)?s?|min\.|duration|time\s+(in|out)|attendance|attended|delivered|provided|session\s+(length|status))\b/i;

/** Column headings of an IEP's services table. */
export const SERVICE_COLUMN = { service: /\bservices?\b|\bprogram\b/i, dose: /\b(frequency|amount|minutes?|min\b|duration|sessions?|time|location|sp\.?\s*ed\b)/i };

/** A goal entry: "Goal 2", "Annual Goal #1", "Objective 3", "IEP Goal No. 4". */
export const GOAL_ENTRY = /^\s*(?:measurable\s+)?(?:annual\s+)?(?:iep\s+)?(?:goal|objective)\s*(?:#|no\.?|number)?\s*\d{1,2}\b/i;

/** A measurable goal's own words. */
export const GOAL_STATEMENT = /\bas\s+measured\s+by\b|\bwill\s+(?:increase|decrease|improve|read|write|solve|use|demonstrate|identify|complete|produce|answer|stay|remain|initiate|follow|respond)\b[^.]{0,120}\b(?:accuracy|trials|out\s+of|consecutive|per\s+(?:minute|week)|%|percent)/i;

/** A dose of a service: "4 x 45 min weekly", "2 sessions per week, 30 minutes each", "180 min per 6 wks". */
export const SERVICE_DOSE =
  /\b\d{1,3}\s*(?:x|times|sessions?)\s*(?:per|a|each|every|\/)?\s*(?:day|daily|week|wk|weekly|month|mo|monthly|cycle|six\s+weeks|\d[- ]day)\b|\b\d{1,4}\s*(?:min(?:ute)?s?\.?|hours?|hrs?)\s*(?:\/|per|a|each|every|x)\s*(?:\d+\s*)?(?:day|week|wk|month|mo|session|cycle|six\s+weeks|\d\s*(?:wks|weeks))\b|\b\d{1,4}\s*(?:min(?:ute)?s?\.?|hours?)\s*(?:weekly|monthly|daily)\b|\bminutes\s+(?:each|per\s+session)\b/i;

/** A goal's progress mark: "Progress: AP", "Progress Code: 3", "Rating - Mastered". */
export const PROGRESS_MARK = /^\s*(?:progress|progress\s+(?:code|rating|status|mark|level)|rating|status\s+of\s+goal)\s*[:\-–]\s*\S/i;

/** Words rating progress on a goal. */
export const PROGRESS_STATUS = /\b(?:(?:sufficient|insufficient|adequate|inadequate|satisfactory|minimal|limited|some|steady|good|no)\s+progress|making\s+(?:adequate\s+|some\s+|sufficient\s+)?progress|progressing|goal\s+(?:met|mastered|achieved|not\s+met)|mastered|not\s+yet\s+(?:introduced|addressed|initiated|begun)|emerging\s+skill)\b/i;

/** A legend of codes: "GM = goal met; AP = adequate progress", "4 = Goal met, 3 = ...", "M - Mastered". */
export const CODE_PAIR = /(?:^|[\s;,(])[A-Z0-9+-]{1,3}\s*(?:=|-|–|:)\s*[A-Za-z]/g;
export const LEGEND_LABEL = /^\s*(?:progress\s+)?(?:codes?|key|legend)\s*:/i;

/** The field naming what an IEP meeting was for. */
export const MEETING_TYPE_LABEL = /\b(?:meeting|iep|ard|conference)\s+type\b|\btype\s+of\s+(?:meeting|iep|ard|conference)\b|\bpurpose\s+of\s+(?:the\s+)?(?:meeting|conference|ard|iep)\b|\breason\s+for\s+(?:the\s+)?(?:meeting|ard|conference)\b|\bmeeting\s+purpose\b/i;
/** A meeting-type field that is secondary ("Additional Purpose of Meeting (If needed)"). */
export const SECONDARY_MEETING_LABEL = /\b(?:additional|other|secondary)\s+(?:purpose|reason|type)/i;
