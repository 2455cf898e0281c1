// The labels an IEP's header prints for each field, as data. Readers match them case-insensitively at a
// word boundary, on the line as printed or with a label wrapped over two lines joined (see
// main/core/layout/label-lines.ts). A new form's wording is a new entry here, with a note on where it was seen.

/**
 * A case-insensitive pattern whose ${0} stands for the word IEP as OCR reads it from a scan: the I
 * is often read as |, l, 1 or !, and a stray mark may follow ("amends |EP- dated ...").
 */
function ocrIep(parts: TemplateStringsArray, ..._iep: unknown[]): RegExp {
  return new RegExp(parts.raw.join(String.raw`[il1|!]ep\W?`), 'i');
}

/** Names of the meeting a form may print before "meeting": IEP team, CSE/CPSE (New York), ARD (Texas). */
const MEETING_BODY = String.raw`(?:iep|cse|cpse|ard|admission,?\s+review,?\s+(?:and|&)\s+dismissal|team|eligibility)`;

export const IEP_HEADER_LABELS = {
  meetingDate: [
    /(?:iep\s+)?meeting\s+date/i,
    /date\s+of\s+(?:the\s+)?(?:iep\s+)?(?:amendment|addendum|revision)/i,
    /(?:amendment|addendum|revision)\s+date/i,
    /date\s+of\s+(?:the\s+)?(?:iep\s+)?(?:meeting|conference)/i,
    // New York CSE forms: "Date of CSE Meeting"; Texas: "Date of ARD Meeting".
    new RegExp(String.raw`date\s+of\s+(?:the\s+)?${MEETING_BODY}\s+(?:meeting|conference)`, 'i'),
    /(?:iep\s+)?conference\s+date/i,
    // The meeting body before "date": Texas "ARD Date", New York "CSE Date", "IEP Team Meeting Date"
    // (never "Next ARD Date" or "Annual IEP Date", which look ahead).
    /(?<!(?:next|annual|projected|review|due)\s+)(?:ard|cse|cpse|iep\s+team|team)\s+(?:meeting\s+)?date/i,
    /iep\s+date/i,
    /date\s+of\s+iep/i,
  ],
  /** A from-to range for the whole IEP ("IEP Dates: 02/03/2025 through 09/30/2025"). */
  period: [
    /iep\s+(?:period|duration|dates|term)/i,
    /iep\s+initiation\s*\/\s*duration(?:\s+dates?)?/i,
    /(?:iep\s+)?effective\s+dates?/i,
    // "Projected Dates: ..." as a range, but not "Projected Date of Annual Review" or "Projected Date IEP to be Implemented".
    /projected\s+dates?(?!\s+(?:of|for|iep|to)\b)/i,
    /duration\s+of\s+(?:the\s+)?iep/i,
    // A label printed small above "from 10/05/2023 through 10/04/2024": "IEP in effect", "Dates in effect".
    /(?:iep|plan)\s+(?:is\s+)?in\s+effect/i,
    /dates?\s+in\s+effect/i,
    // Texas ARD/IEP prints (Frontline): "Duration of Services: 01/10/2023 - 01/09/2024" on every page,
    // "Duration of Special Education Services: From: ... To: ...".
    /duration\s+of\s+(?:(?:the\s+)?(?:special\s+education|iep)\s+)?services/i,
  ],
  start: [
    /iep\s+(?:start|begin(?:ning)?|initiation|implementation)\s+date/i,
    /(?:initiation|start|beginning|implementation|effective)\s+date\s+of\s+(?:the\s+)?iep(?:\s+services)?/i,
    /(?:start|begin(?:ning)?|initiation|implementation)\s+date\s+of\s+(?:the\s+)?iep/i,
    /date\s+iep\s+(?:begins|starts|takes\s+effect)/i,
    // New York: "Projected Date IEP to be Implemented" (the label wraps over two lines in the form's left column).
    /(?:projected\s+)?date\s+(?:the\s+)?iep\s+(?:is\s+)?to\s+be\s+(?:implemented|initiated)/i,
    /iep\s+implemented/i,
    /initiation\s+date/i,
    /iep\s+start/i,
    // State-form headers that date the IEP by its services: "Services Begin: September 21, 2022".
    /(?:iep\s+)?services\s+(?:begin|start)(?:\s+date|\s+on)?(?=\s*:)/i,
    // "IEP Begins: 14-Sep-2023" beside "IEP Ends:".
    /iep\s+(?:begins|starts|commences)\b/i,
  ],
  end: [
    /iep\s+(?:end(?:ing)?|expiration|duration)\s+date/i,
    /(?:end(?:ing)?|expiration)\s+date\s+of\s+(?:the\s+)?iep/i,
    /date\s+iep\s+(?:ends|expires)/i,
    /iep\s+end/i,
  ],
  nextAnnual: [
    // SEIS (California): "Next Annual IEP: 3/23/2022" in the header strip; Texas: "Next Annual ARD".
    /next\s+annual\s+(?:iep|ard|review|meeting|cse)\b(?:\s+(?:review|meeting))?(?:\s+(?:date|due))?/i,
    /next\s+annual\s+(?:iep\s+)?(?:review|meeting)(?:\s+date)?/i,
    // New York: "Projected Date of Annual Review" (wrapped: "Projected Date of Annual" / "Review:").
    /projected\s+date\s+(?:of|for)\s+(?:the\s+)?(?:next\s+)?annual\s+(?:iep\s+)?(?:review|meeting|iep)/i,
    /annual\s+(?:iep\s+)?review\s+(?:date|due)/i,
    /next\s+iep\s+(?:review|meeting)?\s*(?:date|due)/i,
    /annual\s+iep\s+due/i,
  ],
  nextReeval: [
    // SEIS header strip: "Last Eval: ... Next Eval: 3/24/2022".
    /next\s+eval\b/i,
    /next\s+re-?evaluation(?:\s+(?:date|due))?/i,
    /re-?evaluation\s+(?:due|date)(?:\s+date)?/i,
    /(?:next\s+)?triennial(?:\s+(?:re-?evaluation|evaluation|review|iep|assessment))?(?:\s+(?:due|date))?(?:\s+(?:date|by))?/i,
    /three[- ]year\s+re-?evaluation(?:\s+(?:due|date))?/i,
    /projected\s+date\s+(?:of|for)\s+(?:the\s+)?(?:next\s+)?re-?evaluation/i,
  ],
  type: [/meeting\s+type/i, /type\s+of\s+(?:iep|meeting|cse\s+meeting|ard)/i, /iep\s+type/i, /reason\s+for\s+meeting/i, /purpose\s+of\s+(?:the\s+)?meeting/i,
    // Texas ARD/IEP committee reports: "Purpose of ARD:" followed by the meeting types as tick boxes.
    /purpose\s+of\s+(?:the\s+)?(?:ard|conference|iep\s+meeting)\b/i],
  amends: [
    ocrIep`amends?\s+(?:the\s+)?${0}\s*(?:dated|of|from)`,
    ocrIep`amendment\s+to\s+(?:the\s+)?${0}\s*(?:dated|of|from)`,
    /date\s+of\s+(?:the\s+)?iep\s+(?:being\s+)?amended/i,
    /original\s+iep\s+(?:meeting\s+)?date/i,
    /iep\s+(?:being\s+)?amended/i,
  ],
  name: [/student(?:'s)?\s+name/i, /name\s+of\s+student/i, /student/i, /name/i],
  dob: [/date\s+of\s+birth/i, /birth\s*date/i, /d\.?o\.?b\.?/i],
  /** The grade of the year the IEP is written for, when the form prints it beside the school year (New York: "School Year of IEP: 2022-23 (Grade 3)"). */
  gradeOfIepYear: [/school\s+year\s+of\s+(?:the\s+)?iep/i, /iep\s+school\s+year/i],
  grade: [/grade(?:\s+level)?(?:\s*\/\s*school\s+year)?/i, /current\s+grade/i],
  school: [/school\s+of\s+attendance/i, /attending\s+school/i, /(?:serving|home|current)\s+school/i, /school(?:\s+name)?/i],
  district: [/(?:school\s+)?district(?:\s+(?:name|of\s+residence|of\s+service))?\s*:/i, /LEA\s*:/i, /local\s+education(?:al)?\s+agency\s*:/i],
  disability: [
    /primary\s+(?:disability|eligibility)(?:\s+category)?/i,
    /disability\s+category/i,
    /eligibility\s+category/i,
    /primary\s+handicapping\s+condition/i,
    // New York: "Disability Classification".
    /disability\s+classification/i,
  ],
};

/**
 * When an amendment takes effect: the amendment's own start, whatever period the IEP it amends
 * prints. Apart from IEP_HEADER_LABELS (the page model's field labels), read only for amendments.
 */
export const AMENDMENT_EFFECTIVE_LABELS: RegExp[] = [
  /effective\s+date\s+of\s+(?:the\s+|this\s+)?(?:amendment|addendum|revision)/i,
  /(?:amendment|addendum|revision)\s+(?:effective|start|implementation|initiation)\s+date/i,
  /date\s+(?:the\s+|this\s+)?(?:amendment|addendum|revision)\s+(?:takes\s+effect|is\s+effective|begins)/i,
  /(?:changes|amendment)\s+(?:are\s+|is\s+)?effective(?:\s+on|\s+as\s+of)?/i,
  /effective\s+date/i,
];

/**
 * Header dates written in sentences, where no label gives them: hand-typed IEP summaries and meeting
 * minutes ("The IEP team convened on March 2, 2024 to review ...", "This plan will be implemented
 * 3/11/2024 through 3/10/2025"), the opening paragraph of some private-school and charter IEPs.
 */
export const IEP_DATE_SENTENCES = {
  /** The meeting date is the first date after one of these. */
  meeting: [
    /\b(?:met|convened|reconvened|conferenced)\s+(?:on|in\s+person\s+on|virtually\s+on)\b/i,
    /\bmeeting\s+(?:was\s+)?(?:held|convened|conducted)\s+on\b/i,
  ],
  /**
   * A sentence that gives the IEP's own period: it names the plan and says it is in effect (runs,
   * is implemented ...); its range is two dates joined by to / through / until / a dash.
   */
  period: [
    /\b(?:iep|plan|program|services)\b.*\b(?:in\s+effect|effective|implemented|in\s+place|will\s+run|runs|covers|remain\s+in\s+force)\b/i,
    /\b(?:in\s+effect|effective|implemented)\b.*\b(?:iep|plan)\b/i,
  ],
};

/** Words that join the two dates of a range ("from X to Y", "X through Y", "X - Y", "between X and Y"). */
export const DATE_RANGE_JOIN = /^\s*,?\s*(?:to|through|thru|until|till|and|[-–—])\s*:?\s*$/i;

/**
 * Meeting or document types by the words a form uses for them, first match wins (an amendment's
 * title often names the annual IEP it amends, so amendment words come first). The one list both
 * the classifier (an IEP's subtype) and the IEP reader (its type) read, through extract/iep-type.ts.
 */
export const IEP_TYPE_WORDS: Array<[import('../../../../shared/domain').IepSubtype, RegExp]> = [
  ['amendment', /\b(?:amend(?:ment|ed|s)?|addendum)\b/i],
  // New York: a "Requested Review" (a CSE meeting at a parent's or school's request) amends the IEP in effect.
  ['amendment', /\brequested\s+review\b/i],
  ['revision', /\brevis(?:ion|ed|e)\b/i],
  // Short forms a checkbox label may print ("Re-eval", "3-year").
  ['reevaluation', /\b(?:re-?evaluation|re-?eval|triennial|three[- ]year|3[- ]year)\b/i],
  // A transfer IEP (a student arriving from another district, 34 CFR 300.323(e)-(f)) holds until the new team meets.
  ['interim', /\binterim\b|\b30[- ]day\b|\btemporary\b|\btransfer\b/i],
  ['initial', /\binitial\b/i],
  ['annual', /\b(?:annual|yearly)\b/i],
];

/** Words of a progress-reporting schedule ("quarterly, with report cards"). */
export const REPORTING_SCHEDULE_WORDS = /\b(?:trimesters?|quarter(?:ly|s)?|semesters?|grading\s+periods?|marking\s+periods?|report\s+cards?|every\s+(?:six|nine|6|9)\s+weeks|(?:six|nine|6|9)[- ]weeks?|monthly|annually|progress\s+reports?|(?:two|three|four|six|\d)\s+times\s+(?:a|per|each)\s+(?:school\s+)?year)\b/i;

export const REPORTING_SCHEDULE_LABELS = [
  /progress\s+(?:will\s+be\s+)?reported/i,
  /reporting\s+(?:schedule|frequency)/i,
  /progress\s+reports?\s+(?:will\s+be\s+)?(?:provided|sent|issued)/i,
  // New York: "Identify when periodic reports on the student's progress ... will be provided to the student's parents:".
  /periodic\s+reports?\s+on\s+the\s+student'?s\s+progress/i,
];

/**
 * Labels of the student profile beyond the header dates: who the child is, the disabilities, the
 * parent and the case manager. Kept out of IEP_HEADER_LABELS (the page model's field labels) so that
 * adding a profile wording changes no other reader. Each list is tried in order, most specific first.
 */
export const STUDENT_PROFILE_LABELS = {
  name: [
    [/student(?:'s)?\s+(?:legal\s+|full\s+)?name/i, /name\s+of\s+(?:the\s+)?student/i, /legal\s+name/i],
    // "Student: ...", "Pupil: ...", "Child's Name: ...", "Name: ...": only with a colon, never the word in a sentence.
    [/student(?=\s*:)/i, /pupil(?:'s\s+name)?(?=\s*:)/i, /child(?:'s)?\s+name/i, /(?<![\w'])name(?=\s*:)/i,
      // "STUDENT" printed small alone above the name.
      /^(?:student|pupil|child)$/i],
  ],
  /** Labels printed under their value in a strip of cells (Texas ARD prints: "NAME OF STUDENT  ID#  CAMPUS  DATE OF BIRTH"). */
  nameBelow: /^(?:name\s+of\s+(?:the\s+)?student|student(?:'s)?\s+name|student)$/i,
  dobBelow: /^(?:date\s+of\s+birth|birth\s*date|dob)$/i,
  schoolBelow: /^(?:campus|school|school\s+of\s+attendance)$/i,
  school: [
    [/school\s+of\s+attendance/i, /attending\s+school/i, /(?:serving|home|current)\s+school/i, /school\s*\/\s*location/i, /campus\s+of\s+attendance/i],
    [/school(?:\s+name)?/i, /campus(?:\s+name)?(?=\s*:)/i, /residence\s+school/i],
  ],
  primaryDisability: [
    [/primary\s+(?:disability|eligibility|handicapping\s+condition)(?:\s+category)?/i, /disability\s+(?:category|classification)/i, /eligibility\s+category/i],
    // SEIS: "Primary: Specific Learning Disability (SLD)  Secondary: Other Health Impairment (OHI)".
    [/primary(?=\s*:)/i, /(?:qualifying\s+)?disabilit(?:y|ies)(?=\s*:)/i],
  ],
  secondaryDisability: [
    [/secondary\s+(?:disability|eligibility|handicapping\s+condition)(?:\s+category)?/i, /additional\s+disabilit(?:y|ies)/i],
    [/secondary(?=\s*:)/i],
  ],
  parent: [
    [/parent\s*\/\s*guardian(?:\s+name)?(?:\s*\(s\))?/i, /parent(?:\(s\)|s)?\s*(?:\/\s*guardian(?:\(s\)|s)?\s*)?name/i, /name\s+of\s+parents?(?:\s*\/\s*guardian)?/i],
    [/parents?(?:\(s\))?(?=\s*:)/i, /guardian(?:\(s\))?(?=\s*:)/i, /mother(?=\s*:)/i, /father(?=\s*:)/i],
  ],
  caseManager: [
    [/case\s+manager(?:\s+name)?/i, /case\s+carrier/i, /iep\s+(?:case\s+)?manager/i, /(?:iep\s+)?contact\s+person/i, /special\s+education\s+contact/i],
  ],
  /** A role printed in parentheses after a name in a list of those present ("Jordan Lee (Case Manager)"). */
  parentRole: /parent|mother|father|guardian/i,
  caseManagerRole: /case\s+manager|case\s+carrier/i,
  phone: [/(?:home|cell|work|mobile|daytime|primary)?\s*(?:phone|telephone|tel\.?)(?:\s+(?:number|#))?/i],
  email: [/e-?mail(?:\s+address)?/i],
};

/**
 * Sentences that name the person to contact about the IEP, where no label does (Texas ARD prints:
 * "For assistance in implementing this IEP, please contact <name>."): the name follows the phrase.
 */
export const CASE_MANAGER_SENTENCES = [/\b(?:for\s+(?:assistance|questions)[^.]{0,60}?,\s*)?please\s+contact\s+/i, /\bcase\s+manager\s+(?:is|will\s+be)\s+/i];

/** Words of a disability category, so that a value after "Primary:" is a disability and not a language or a placement. */
export const DISABILITY_WORDS = /\b(?:disabilit(?:y|ies)|impair(?:ment|ed)|autis(?:m|tic)|delay|deaf(?:ness)?|blind(?:ness)?|emotional|intellectual|learning|speech|language|orthopedic|injury|multiple|health|hearing|visual|dyslexia|adhd|sld|ohi|asd|tbi|sli|ebd)\b/i;
