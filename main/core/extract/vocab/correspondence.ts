// What letters, emails and notices say when they start a clock: a records request, a request for an IEP
// meeting, an evaluation or an IEE, a signed consent, a Prior Written Notice, a due-process complaint, a
// resolution meeting or a hearing date. Phrases name the general language of parents' letters and
// districts' notices (federal and state terms), never one district's form. A new wording is a new row,
// with a note on where it is seen. Read by extract/correspondence.ts (detectEvents) and extract/pwn.ts.

/** What a letter can start; each maps to a deadline trigger in core/deadlines/suggestions.ts. */
export const EVENT_KINDS = [
  'records_request',
  'meeting_request',
  'evaluation_request',
  'iee_request',
  'consent_to_evaluate',
  'prior_written_notice',
  'due_process_filing',
  'resolution_session',
  'hearing_date',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventPhrase {
  kind: EventKind;
  re: RegExp;
  seen: string;
}

/**
 * Sentences that state the event. Order matters: an IEE request is tested before an evaluation request,
 * a records request before a meeting request (a sentence names one event; a letter may hold several).
 */
export const EVENT_PHRASES: EventPhrase[] = [
  // Records.
  { kind: 'records_request', re: /\b(?:request(?:ing|s|ed)?|ask(?:ing)?\s+(?:for|to)|would\s+like)\b[^.;]{0,80}?\b(?:cop(?:y|ies)\s+of|access\s+to|to\s+(?:inspect|review|examine|see|receive)|complete|all)\b[^.;]{0,120}?\b(?:records?|files?|cum(?:ulative)?\s+file)\b/i, seen: 'parents\' records requests under FERPA, 34 CFR 300.613 or Cal. Ed Code 56504 ("I am requesting copies of ... complete educational records")' },
  { kind: 'records_request', re: /\b(?:please|kindly)\s+(?:send|provide|mail|e-?mail|forward|make\s+available|give)\b[^.;]{0,60}?\b(?:cop(?:y|ies)|all|complete)\b[^.;]{0,120}?\brecords?\b/i, seen: '"Please send me copies of all of my son\'s school records" (parent letters written from PTI templates)' },
  { kind: 'records_request', re: /\b(?:records?\s+request|request\s+(?:for|of)\s+(?:(?:the\s+)?(?:student'?s?|school|educational|education|special\s+education|pupil|cumulative)\s+)*records?)\b/i, seen: 'subject lines "Records request - ...", district forms "Request for Student Records", "Request for Access to Education Records"' },
  { kind: 'records_request', re: /\b(?:I|we)\s+(?:am|are)\s+(?:hereby\s+)?(?:exercising|invoking)\b[^.;]{0,60}\bright\s+to\s+(?:inspect|review|access)\b/i, seen: '"I am exercising my right to inspect and review..." (advocacy-site letter templates)' },
  // IEE before evaluation: an IEE request names "evaluation" too.
  { kind: 'iee_request', re: /\b(?:request(?:ing|s|ed)?|ask(?:ing)?\s+for|seek(?:ing)?|want)\b[^.;]{0,80}?\b(?:independent\s+educational\s+evaluations?|IEEs?|independent\s+(?:\w+\s+){0,2}evaluations?)\b/i, seen: 'IEE requests after disagreeing with the district\'s evaluation (34 CFR 300.502): "I request an independent educational evaluation at public expense"' },
  { kind: 'iee_request', re: /\bdisagree\b[^.;]{0,120}?\bevaluation\b[^.;]{0,120}?\b(?:public\s+expense|independent)\b/i, seen: '"We disagree with the district\'s evaluation and request an IEE at public expense"' },
  // Evaluation.
  { kind: 'evaluation_request', re: /\b(?:request(?:ing|s|ed)?|ask(?:ing)?\s+(?:for|that)|refer(?:ring|ral\s+(?:for|of))?)\b[^.;]{0,80}?\b(?:evaluat(?:ion|ed|e)|assess(?:ment|ed)?|test(?:ing|ed)?)\b[^.;]{0,60}?\b(?:special\s+education|eligibility|disabilit|IDEA|504|suspected|areas?\s+of|full|comprehensive|psycho|speech|occupational|behaviou?r|dyslexia|reading|learning)/i, seen: 'parent referral letters: "I am requesting a full evaluation for special education", "I am referring my daughter for a comprehensive assessment in all areas of suspected disability"' },
  { kind: 'evaluation_request', re: /\b(?:request(?:ing|s|ed)?|ask(?:ing)?\s+(?:for|that))\b[^.;]{0,60}?\b(?:full|comprehensive|initial|psycho-?educational|special\s+education|speech(?:\s+and\s+language)?|occupational\s+therapy|functional\s+behaviou?r(?:al)?)\s+(?:\w+\s+){0,2}(?:evaluation|assessment)\b/i, seen: '"I am requesting a psychoeducational evaluation", "we ask for an initial evaluation"' },
  { kind: 'evaluation_request', re: /\bplease\s+(?:evaluate|assess|test)\b/i, seen: '"Please evaluate my son for special education" (short parent emails)' },
  { kind: 'evaluation_request', re: /\b(?:request|referral)\s+for\s+(?:an?\s+)?(?:special\s+education\s+)?(?:evaluation|assessment)\b/i, seen: 'subject lines and district forms "Request for Evaluation", "Referral for Special Education Assessment"' },
  // Consent.
  { kind: 'consent_to_evaluate', re: /\b(?:I|we)\s+(?:hereby\s+)?(?:give|grant|provide|am\s+giving|sign(?:ed)?)\s+(?:my|our)?\s*(?:written\s+|informed\s+)?(?:consent|permission)\b[^.;]{0,80}?\b(?:evaluat|assess|test)/i, seen: 'signed assessment plans and consent forms: "I give my consent for the assessment(s) proposed in this plan"' },
  { kind: 'consent_to_evaluate', re: /\b(?:I|we)\s+(?:hereby\s+)?(?:consent|agree|authori[sz]e)\s+(?:to|for)\b[^.;]{0,60}?\b(?:evaluat|assess|test)/i, seen: '"I consent to the proposed evaluation" (Permission to Evaluate forms, PA PTE)' },
  { kind: 'consent_to_evaluate', re: /\b(?:signed|enclosed|attached|returning)\b[^.;]{0,60}?\b(?:consent|permission)\s+(?:form\s+)?(?:for|to)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:evaluat|assess)/i, seen: '"Enclosed is the signed consent for the evaluation" (parents\' cover letters)' },
  // Due process.
  { kind: 'due_process_filing', re: /\b(?:fil(?:ed|e|ing)|submit(?:ted|ting)?|sen[dt]|requested)\b[^.;]{0,80}?\b(?:due[-\s]process\s+(?:complaint|hearing\s+request|request|hearing)|request\s+for\s+(?:a\s+)?due[-\s]process\s+hearing)\b/i, seen: '"On March 3, 2025 the parents filed a due process complaint", OAH acknowledgement letters' },
  { kind: 'due_process_filing', re: /^\s*(?:\d+\.\s*)?(?:due[-\s]process\s+complaint(?:\s+notice)?|request\s+for\s+(?:a\s+)?due[-\s]process\s+hearing|notice\s+of\s+due[-\s]process\s+complaint)\b/i, seen: 'complaint forms titled "Due Process Complaint Notice" (model form under 34 CFR 300.509)' },
  // Resolution meeting and hearing: only with a date in the sentence.
  { kind: 'resolution_session', re: /\bresolution\s+(?:meeting|session)\b[^.;]{0,100}?\b(?:scheduled|set|will\s+(?:be\s+held|take\s+place|occur)|is\s+(?:on|set)|held|convene)\b|\b(?:scheduled|set|hold|convene)\b[^.;]{0,60}?\bresolution\s+(?:meeting|session)\b/i, seen: 'district letters scheduling the resolution meeting of 34 CFR 300.510' },
  { kind: 'hearing_date', re: /\b(?:due[-\s]process\s+)?hearing\b[^.;]{0,100}?\b(?:scheduled|set|calendared|will\s+(?:be\s+held|begin|commence|take\s+place|start)|begins?|commences?)\b|\b(?:scheduled|set)\b[^.;]{0,40}?\b(?:due[-\s]process\s+)?hearing\s+(?:date|for)\b/i, seen: 'OAH/ODR scheduling orders: "The due process hearing is set for ...", "Hearing scheduled to begin ..."' },
  // Meeting requests last: records and evaluation letters often close with one.
  { kind: 'meeting_request', re: /\b(?:request(?:ing|s|ed)?|ask(?:ing)?\s+(?:for|that)|would\s+like\s+(?:to\s+(?:schedule|convene|have|hold)|an?)|need\s+an?)\b[^.;]{0,60}?\b(?:IEP|ARD|CSE|IEP\s+team|team|ARD\s+committee|annual\s+review)\s+(?:\w+\s+){0,1}(?:meeting|conference)\b/i, seen: 'parents\' emails "I also request an IEP meeting to discuss...", Texas "I am requesting an ARD meeting"' },
  { kind: 'meeting_request', re: /\b(?:please|kindly)\s+(?:schedule|convene|set\s+up|arrange|hold)\b[^.;]{0,50}?\b(?:meeting|conference)\b/i, seen: '"Please schedule an IEP meeting at your earliest convenience"' },
  { kind: 'meeting_request', re: /\b(?:request|ask)\s+(?:that\s+)?(?:the\s+(?:IEP\s+|ARD\s+)?(?:team|committee)\s+(?:re)?convene\b|the\s+(?:IEP\s+)?team\s+meet\b|(?:the\s+(?:IEP\s+)?team|you|the\s+district|the\s+school)\s+(?:convene|schedule|hold|reconvene)\b[^.;]{0,40}?\bmeeting\b)/i, seen: '"I request that the IEP team reconvene to review..."' },
  { kind: 'meeting_request', re: /\b(?:request|requesting)\s+(?:an?\s+)?(?:IEP|ARD|team)\s+(?:meeting|review)\b|\bIEP\s+meeting\s+request\b/i, seen: 'subject lines "Request for IEP meeting", "IEP meeting request"' },
];

/**
 * A sentence that explains a right ("you may request an IEE") or a rule ("a copy must be given when a parent
 * requests an evaluation", as in safeguards notices and the rights pages printed with IEPs) states no event.
 */
export const NOT_AN_EVENT_RULE = /\b(?:must|shall|is\s+required\s+to|are\s+required\s+to)\b[^.;]{0,120}?\b(?:when|whenever|upon|if|after|within)\b/i;
export const NOT_AN_EVENT = /\b(?:may(?!\s+\d)|can|could|might|right\s+to|rights?\s+(?:to|under)|able\s+to|entitled\s+to|if\s+you|how\s+to|whether\s+to|eligible\s+to|should\s+you|you\s+have\s+the\s+right|procedures?\s+for|information\s+(?:on|about))\b[^.;]{0,40}?\b(?:request|ask|obtain|file|seek|disagree|inspect|consent)/i;

/** A Prior Written Notice or Notice of Action names itself in its title (federal term, California, Texas, New York). */
export const PWN_TITLE = /\b(?:prior\s+written\s+notice|notice\s+of\s+(?:action|proposed\s+(?:action|change)|refusal|recommendation)|written\s+notice\s+(?:of|to\s+parents?)\s+(?:\w+\s+){0,3}(?:action|propos|refus)|notice\s+(?:of|regarding)\s+(?:the\s+)?district'?s?\s+(?:proposal|refusal))\b/i;
/** Seen in PWNs: "The district refuses...", "declines the request", "denied". */
export const PWN_REFUSAL = /\b(?:refus(?:es|ed|al|e)|declin(?:es|ed|e)|den(?:y|ies|ied|ial)|reject(?:s|ed)?|will\s+not\s+(?:provide|conduct|change|fund|agree))\b/i;
/** Seen in PWNs: "The district proposes...", "will provide", "recommends". */
export const PWN_PROPOSAL = /\b(?:propos(?:es|ed|al|e)|recommend(?:s|ed)?|will\s+(?:provide|begin|initiate|conduct|change|add|increase|reduce)|plans?\s+to)\b/i;

/**
 * Subjects and titles that leave no doubt about what a document is: the event is recorded at once
 * (marked automatic) rather than suggested. A sentence in the body only suggests.
 */
export const TITLE_LEAVES_NO_DOUBT: Array<{ kind: EventKind; re: RegExp; seen: string }> = [
  { kind: 'records_request', re: /\b(?:records?\s+request|request\s+(?:for|of)\s+(?:(?:the\s+)?(?:\w+'?s?\s+){0,3})?records?|request\s+to\s+(?:inspect|review)\s+(?:\w+\s+){0,3}records?)\b/i, seen: 'subject lines "Records request - ...", forms "Request for Access to Education Records"' },
  { kind: 'meeting_request', re: /\b(?:request\s+for\s+(?:an?\s+)?(?:IEP|ARD|team)\s+meeting|(?:IEP|ARD)\s+meeting\s+request)\b/i, seen: 'subject lines "Request for IEP meeting"' },
  { kind: 'iee_request', re: /\b(?:request\s+for\s+(?:an?\s+)?(?:independent\s+educational\s+evaluation|IEE)|IEE\s+request)\b/i, seen: 'subject lines "Request for IEE at public expense"' },
  { kind: 'evaluation_request', re: /\b(?:request|referral)\s+for\s+(?:an?\s+)?(?:special\s+education\s+|initial\s+|full\s+)?(?:evaluation|assessment)\b/i, seen: 'subject lines "Request for Evaluation"' },
  { kind: 'prior_written_notice', re: PWN_TITLE, seen: 'titles "PRIOR WRITTEN NOTICE", "Notice of Action"' },
  { kind: 'due_process_filing', re: /\b(?:due[-\s]process\s+complaint|request\s+for\s+(?:a\s+)?due[-\s]process\s+hearing)\b/i, seen: 'titles "Due Process Complaint Notice"' },
];

/** Words that say the sentence's own date is when the event happened ("your request of January 5"); not "the plan dated ...", which dates another paper. */
export const DATE_IN_SENTENCE = /\b(?:received|receipt\s+of|your\s+(?:\w+\s+){0,3}(?:request|letter|e-?mail|complaint)|on\s+\w+\.?\s+\d{1,2},?\s+\d{4},?\s+(?:I|we|the\s+parents?|you)\b|filed\s+on|was\s+filed|signed\s+on)/i;

export const EVENT_LABELS: Record<EventKind, string> = {
  records_request: 'Records request sent',
  meeting_request: 'IEP meeting requested',
  evaluation_request: 'Evaluation requested',
  iee_request: 'IEE requested',
  consent_to_evaluate: 'Consent to evaluate signed',
  prior_written_notice: 'Prior Written Notice',
  due_process_filing: 'Due process complaint filed',
  resolution_session: 'Resolution meeting',
  hearing_date: 'Hearing date',
};

/** The seven things a Prior Written Notice must describe (34 CFR 300.503(b)(1)-(7)), in the regulation's order. */
export const PWN_ELEMENTS = [
  { id: 'action', cite: '34 CFR 300.503(b)(1)', label: 'the action the district proposes or refuses' },
  { id: 'why', cite: '34 CFR 300.503(b)(2)', label: 'why the district proposes or refuses it' },
  { id: 'basis', cite: '34 CFR 300.503(b)(3)', label: 'each evaluation, assessment, record or report used as a basis' },
  { id: 'safeguards', cite: '34 CFR 300.503(b)(4)', label: 'that the parents have procedural safeguards, and how to get a copy' },
  { id: 'sources', cite: '34 CFR 300.503(b)(5)', label: 'sources the parents can contact for help' },
  { id: 'options', cite: '34 CFR 300.503(b)(6)', label: 'other options considered and why they were rejected' },
  { id: 'factors', cite: '34 CFR 300.503(b)(7)', label: 'other factors relevant to the decision' },
] as const;
export type PwnElementId = (typeof PWN_ELEMENTS)[number]['id'];

/**
 * Sentences that carry each element. The specific ones (safeguards, sources, options, basis, factors) are
 * looked for first and keep their sentence; action and why are read from what is left (one sentence may
 * state both: "The district refuses X because Y").
 */
export const PWN_ELEMENT_PHRASES: Record<PwnElementId, { re: RegExp; seen: string }> = {
  safeguards: { re: /\bprocedural\s+safeguards?\b|\bnotice\s+of\s+(?:parent(?:al|s'?)?\s+)?(?:rights|safeguards)\b|\bparents'?\s+rights\s+(?:and|under)\b/i, seen: 'federal model form "protection under the procedural safeguards"; CA "Notice of Parent Rights and Procedural Safeguards"; TX "Notice of Procedural Safeguards"' },
  sources: { re: /\b(?:contact|call|reach|e-?mail|assistance|help|support|questions?|understand(?:ing)?)\b[^.]{0,140}?(?:\b(?:SELPA|parent\s+(?:training|information|center|resource)|PTI|family\s+(?:resource|empowerment)|(?:resource|engagement|information|support|advocacy)\s+cent(?:er|re)|protection\s+and\s+advocacy|disability\s+rights|ombuds\w*|legal\s+(?:aid|services)|advocacy|organi[sz]ations?)|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}|[\w.]+@[\w.]+)/i, seen: '"For help understanding these rights, contact the ... SELPA at (555) ...", federal model form "sources for parents to contact", parent training centers (PTI), Disability Rights agencies' },
  options: { re: /\b(?:other|alternative)\s+(?:options?|alternatives?|actions?|placements?|services?|proposals?|choices|supports?)\b[^.]{0,80}?\b(?:considered|discussed|reviewed|rejected|explored|looked\s+at)\b|\b(?:options?|alternatives?)\s+(?:were\s+|was\s+)?(?:considered|discussed|rejected)\b|\b(?:considered|discussed)\b[^.]{0,120}?\b(?:but|and)\s+(?:was\s+|were\s+|it\s+was\s+)?(?:rejected|not\s+(?:adopted|selected|chosen|accepted|pursued)|did\s+not\s+(?:adopt|select|choose|accept|pursue))\b/i, seen: 'model form "Other options considered and why they were rejected"; "...was discussed but rejected because...", "...discussed ... and did not adopt it"' },
  basis: { re: /\b(?:evaluations?|assessments?|records?|reports?|data|tests?|observations?|input|information|documents?|procedures?)\b[^.]{0,80}?\b(?:used|relied\s+(?:up)?on|considered|reviewed)\b[^.]{0,40}?\b(?:basis|decision|deciding|determin\w*|making|reach\w*|proposal|refusal)\b|\bused\s+as\s+(?:a|the)\s+basis\b|\bbasis\s+(?:for|of)\s+(?:this|the|our)\s+(?:decision|proposal|refusal|action)\b|\b(?:based|relied)\s+(?:up)?on\s+(?:the\s+)?(?:\w+\s+){0,3}(?:evaluation|assessment|progress\s+reports?|reports?|records?|data|IEP|observations?|tests?|testing)\b|\b(?:team|district|we)\s+(?:reviewed|relied\s+on|used)\b[^.]{0,30}?\b(?:following|evaluations?|assessments?|reports?|records?|data)\b/i, seen: 'model form "Assessments, records and reports used as a basis"; "The team reviewed the following: ..."; "based on the psychoeducational evaluation"' },
  factors: { re: /\bother\s+(?:relevant\s+)?(?:factors?|considerations?)\b|\bfactors?\s+(?:relevant|that\s+were\s+relevant|considered|that\s+(?:the\s+team|we)\s+considered)\b|\b(?:also|additionally)\s+(?:relevant|took\s+into\s+account)\b|\bother\s+(?:relevant\s+)?information\s+(?:considered|relevant)\b/i, seen: 'model form "Other factors relevant to the proposal or refusal"' },
  action: { re: /\b(?:district|school|agency|team|we|LEA|committee)\b[^.]{0,40}?\b(?:propos(?:es|ed|ing)|refus(?:es|ed|ing)|declin(?:es|ed|ing)|den(?:y|ies|ied)|reject(?:s|ed)|recommend(?:s|ed)?|will\s+(?:not\s+)?(?:provide|change|initiate|conduct|begin|add|increase|reduce|evaluate|assess|place|fund))\b|\baction\s+(?:proposed|refused)\b|\b(?:proposed|refused)\s+action\b/i, seen: 'model form "Description of the action proposed or refused"; "The district refuses the parent\'s request..."' },
  why: { re: /\bbecause\b|\breasons?\b|\bexplanation\b|\bwhy\b|\bdue\s+to\b|\bsince\b|\b(?:team|district|we)\s+(?:has\s+)?(?:determined|believes?|found|concluded|feels?|decided)\b|\bas\s+(?:a\s+result|documented|shown|evidenced)\b|\b(?:is|are)\s+(?:not\s+)?making\s+(?:adequate\s+|sufficient\s+|meaningful\s+)?progress\b|\b(?:is|are|remains?)\s+(?:not\s+)?(?:appropriate|sufficient|adequate|necessary|needed)\b/i, seen: 'model form "Explanation of why the district proposes or refuses the action"; "The team determined that..."' },
};

/** Words that say how to get the safeguards: a copy enclosed, given, available, on a website. */
export const SAFEGUARDS_HOW = /\b(?:cop(?:y|ies)|obtain|available|request|provided|enclosed|attached|included|given|website|www\.|https?:|online|download)\b/i;
