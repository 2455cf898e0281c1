// How progress reports label their parts, as data: goal headings, the fields of a goal block, the
// columns of a grid by reporting period, legends, and codes written out in words. progress*.ts are
// form-agnostic readers over these lists.

/** "Goal #1", "Annual Goal 2:", "Goal Area 3", "MEASURABLE ANNUAL GOAL #2 - Reading". */
export const GOAL_HEAD = /^(?:(?:measurable\s+)?(?:annual\s+)?goal|goal\s+area)\s*(?:#|no\.?|number)?\s*(\d{1,2})\b\s*(?:of\s+\d+\s*)?[:.)\-–]?\s*(.*)$/i;

export type ProgressFieldKind = 'goal' | 'baseline' | 'code' | 'comment' | 'area' | 'other';

/**
 * Field labels at the start of a line inside a goal block, first match wins. 'summary' alone: reports
 * that print each label small above its value ("PROGRESS" over the code, "SUMMARY" over the narrative).
 */
export const PROGRESS_FIELD_LABELS: Array<[ProgressFieldKind, RegExp]> = [
  // "Progress Code" (New York grids), "Progress Rating", "Status".
  ['code', /^(?:progress\s+(?:code|rating|toward(?:s)?\s+(?:the\s+)?(?:annual\s+)?goal|status|mark)|rating|code|status|progress)\b/i],
  ['comment', /^(?:comments?(?:\s*[/&]\s*data)?|data\s*[/&]\s*comments?|progress\s+(?:notes?|comments?|data|monitoring(?:\s+data)?|summary)|notes?|narrative|evidence(?:\s+of\s+progress)?|data(?:\s+summary)?|explanation|anecdotal(?:\s+notes)?|teacher\s+comments?|remarks|summary)\b/i],
  ['goal', /^(?:(?:measurable\s+)?annual\s+goal|goal\s+statement|goal\s+text|goal)\b/i],
  ['baseline', /^(?:baseline(?:\s+data)?|present\s+levels?(?:\s+of\s+performance)?|plaafp)\b/i],
  ['area', /^(?:goal\s+area|area(?:\s+of\s+need)?|domain|skill\s+area)\b/i],
  // New York goal blocks print "Criteria: ... Method: ... Schedule: ..." and "Marking Period" before the grid.
  ['other', /^(?:standard|measured\s+by|evaluation\s+(?:method|procedure)|method(?:\s+of\s+measurement)?|person(?:\(s\))?\s+responsible|responsible|short[- ]term\s+objectives?|objectives?|benchmarks?|criteri(?:a|on)|target\s+date|schedule|provider(?:\(s\))?|marking\s+period|reporting\s+period|grading\s+period)\b/i],
];

/** A code labelled inside a paragraph ("... 62 wcpm. Progress: Making adequate progress."): the code runs to the sentence's end. */
export const INLINE_CODE_LABEL = /(?:^|[.;]\s+)(?:progress(?:\s+(?:code|rating|status))?|status|rating)\s*:\s*([^.;]{2,80})/i;

/** A "Label:" inside a goal heading's rest ("Reading   Provider: Tasha Whitaker"): the label text ends there. */
export const HEADING_REST_LABEL = /\s+(?:provider|case\s+manager|person(?:\(s\))?\s+responsible|responsible|standard|service)s?(?:\(s\))?\s*:.*$/i;

/**
 * Column headings of a grid with one column per reporting period: "MP1 - Nov", "Q2", "T3",
 * "Quarter 1", "2nd Quarter", "Trimester 2", "Fall", "Winter", "Progress Report 3".
 */
export const PERIOD_COLUMN = /^(?:(?:MP|Q|T|S|RP|PR)\s*-?\s*[1-6]\b|(?:quarter|qtr\.?|trimester|tri|semester|term|marking\s+period|grading\s+period|reporting\s+period|progress\s+report|report|period|interim)\s*#?\s*[1-6]\b|[1-6](?:st|nd|rd|th)\s+(?:quarter|qtr\.?|trimester|semester|term|marking\s+period|grading\s+period|reporting\s+period|progress\s+report)\b|(?:fall|winter|spring|summer|mid-?year|end[- ]of[- ]year|BOY|MOY|EOY)\b)/i;

/**
 * A grid column after the period columns holding the data of the report's own period (vendor-style
 * grids: "Period | Report 1 (12/1/21) | Report 2 (2/28/22) | Data Collected This Period").
 */
export const GRID_DATA_COLUMN = /^(?:data\b|(?:progress\s+)?data\s+(?:collected|this\s+period)|results?\s+this\s+period|current\s+data|evidence)/i;

/** Labels a grid prints in front of its period headings and code row. */
export const PERIOD_ROW_LABEL = /^(?:marking|reporting|grading|progress)?\s*periods?\b|^(?:quarter|term|report(?:ing)?\s+date)s?\b/i;
export const CODE_ROW_LABEL = /^(?:progress\s+)?(?:codes?|ratings?|marks?|status)\b|^progress\b/i;

/** Month words a comment line may open with to name its period ("Nov: 50 wcpm ..."). */
export const MONTH_PREFIX = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** Headings of a legend of codes. */
export const LEGEND_HEADING = /\b(?:progress\s+(?:codes?|key|ratings?|reporting\s+key|indicators?)|codes?|key|legend|rating\s+scale)\s*:?/i;

/**
 * Codes written out in words, with the meaning each stands for (flags read the meaning). Seen on
 * SEIS-, Frontline- and hand-typed reports; matched at the start of the code field, longest first.
 */
export const NARRATIVE_CODES: Array<[RegExp, string]> = [
  [/^goal\s+(?:met|mastered|achieved)\b|^mastered\b|^met\b|^achieved\b/i, 'Goal met'],
  [/^no\s+progress\b|^not\s+(?:progressing|making\s+(?:any\s+)?progress)\b/i, 'No progress'],
  [/^(?:minimal|limited|little|insufficient|inadequate|slow)\s+progress\b/i, 'Minimal progress; may not meet goal'],
  // "Progressing, may not meet goal", "Making progress; not on track": progress said with its doubt is no claim to be on track.
  [/^[^.;]{0,40}\bmay\s+not\s+(?:meet|be\s+met|achieve|master|reach)\b|^[^.;]{0,40}\bnot\s+on[- ]track\b/i, 'Minimal progress; may not meet goal'],
  [/^on[- ]track\b|^(?:making\s+)?(?:sufficient|adequate|satisfactory|good|expected)\s+progress\b|^progressing\b/i, 'Sufficient progress; on track to meet goal'],
  [/^progress\s+(?:is\s+)?to\s+be\s+determined\b|^(?:too\s+early|unable)\s+to\s+(?:determine|measure)\b/i, 'Progress to be determined'],
  [/^goal\s+in\s+progress\b|^in\s+progress\b|^emerging\b/i, 'Goal in progress'],
  [/^not\s+(?:yet\s+)?(?:introduced|addressed|started|begun|initiated|worked\s+on)\b/i, 'Not introduced'],
  [/^regress(?:ion|ing|ed)\b/i, 'Regression'],
];

/** Lines after the last goal that belong to no goal (signatures, contacts, summaries). */
export const TRAILER_LINE = /^(?:progress\s+(?:ratings|codes|key|legend)\s*:|(?:this\s+)?report\s+prepared\s+by|prepared\s+by|signature|case\s+manager\s*:|please\s+contact|questions\s+about\s+this\s+report|cc\s*:|page\s+\d|summary\s+of\s+progress|parent\s+signature)/i;
