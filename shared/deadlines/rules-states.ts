// State rules from ../shared/rules/deadlines.md §4-6. A state inherits every federal rule it does not override;
// rows the file marks "inherits fed.*" (or that repeat the federal number with a weaker source) are not repeated.
import type { DeadlineRule } from './types';

const CA_BREAKS = [
  "Days between the pupil's regular school sessions or terms (summer, intersession)",
  'Days of school vacation in excess of five schooldays',
];
const MEETINGS_AND_HEARINGS: DeadlineRule['beforeEvents'] = ['iep_meeting', 'iep_amendment_meeting', 'hearing_date', 'resolution_session'];

export const CALIFORNIA_RULES: DeadlineRule[] = [
  {
    id: 'ca.assess.plan', jurisdiction: 'CA', title: 'Proposed assessment plan',
    trigger: 'evaluation_request', triggerText: 'District receives a referral for assessment',
    amount: 15, unit: 'calendar_days_excl_ca_breaks', exclusions: [...CA_BREAKS, 'The parent agrees in writing to an extension'],
    endOfYear: { daysBeforeYearEnd: 10, daysAfterNextYearStarts: 10 },
    requirement: 'give the parent a proposed assessment plan within 15 days of the referral, not counting school breaks of more than five schooldays',
    consequence: 'Written reminder; state complaint to CDE.', citation: 'Ed Code 56321(a); 56043(a)', sourceTag: 'P', owner: 'district',
    notes: ['A referral 10 days or less before the end of the regular school year: the plan is due within 10 days after the next school year begins.'],
  },
  {
    id: 'ca.eval.initial', jurisdiction: 'CA', title: 'Initial assessment and IEP meeting',
    trigger: 'consent_to_evaluate', triggerText: "District receives the parent's written consent to assessment",
    amount: 60, unit: 'calendar_days_excl_ca_breaks', overrides: ['fed.eval.initial'],
    exclusions: [...CA_BREAKS, 'The parent agrees in writing to an extension', 'The child transfers districts (with progress and an agreed date)', 'The parent repeatedly fails to produce the child'],
    endOfYear: { daysBeforeYearEnd: 30, keyedTo: 'evaluation_request', daysAfterNextYearStarts: 30 },
    requirement: 'complete the assessment, determine eligibility and hold the IEP meeting within 60 days of receiving consent, not counting school breaks of more than five schooldays',
    consequence: 'Reminder; CDE complaint; due process.', citation: 'Ed Code 56344(a); 56302.1; 56043(c), (f)(2)', sourceTag: 'P', owner: 'district',
    notes: ['End-of-year rule follows the statute: keyed to a referral made 30 days or less before the end of the regular school year (a SELPA handout keys it to consent).'],
  },
  {
    id: 'ca.iep.initial_after_eligibility', jurisdiction: 'CA', title: 'Meeting to develop the initial IEP',
    trigger: 'eligibility_determination', triggerText: 'Determination that the pupil needs special education',
    amount: 30, unit: 'calendar_days', overrides: ['fed.iep.initial_meeting'], exclusions: [],
    requirement: 'hold the IEP meeting within 30 days of the eligibility determination',
    consequence: 'State complaint.', citation: 'Ed Code 56344(a)', sourceTag: 'P', owner: 'district',
  },
  {
    id: 'ca.iep.parent_request', jurisdiction: 'CA', title: 'IEP meeting requested in writing by the parent',
    trigger: 'meeting_request', triggerText: "District receives the parent's written request for an IEP meeting",
    amount: 30, unit: 'calendar_days_excl_ca_breaks', overrides: ['fed.iep.parent_request'], exclusions: CA_BREAKS,
    requirement: 'hold the IEP meeting within 30 days of receiving the written request, not counting school breaks of more than five schooldays',
    consequence: 'Follow up; CDE complaint.', citation: 'Ed Code 56343.5', sourceTag: 'P', owner: 'district',
    notes: ['An oral request does not start this clock: send it in writing and record the date received.'],
  },
  {
    id: 'ca.iep.annual', jurisdiction: 'CA', title: 'Annual IEP review',
    trigger: 'iep_meeting', triggerText: 'Last IEP meeting', amount: 1, unit: 'years', overrides: ['fed.iep.annual_review'], exclusions: [],
    requirement: 'review the IEP at least annually', consequence: 'Request a meeting; complaint.',
    citation: 'Ed Code 56343(d); 34 CFR 300.324(b)(1)(i)', sourceTag: 'S', owner: 'district',
  },
  {
    id: 'ca.reeval', jurisdiction: 'CA', title: 'Reassessment (at least every 3 years)',
    trigger: 'evaluation_report', triggerText: 'Last assessment or reassessment', amount: 3, unit: 'years', overrides: ['fed.reeval.max_interval'],
    exclusions: ['The parent and the district agree in writing that it is unnecessary'],
    requirement: 'reassess at least every 3 years', consequence: 'Request a reassessment; complaint.',
    citation: 'Ed Code 56381(a)(2)', sourceTag: 'S', owner: 'district',
  },
  {
    id: 'ca.records.access', jurisdiction: 'CA', title: 'Access to and copies of school records',
    trigger: 'records_request', triggerText: "Parent's oral or written request for school records",
    amount: 5, unit: 'business_days', beforeEvents: MEETINGS_AND_HEARINGS, overrides: ['fed.records.access'], exclusions: [],
    requirement: 'let the parent examine and receive copies of the records within 5 business days of the request, and before any IEP meeting, hearing or resolution session',
    consequence: 'Follow-up letter; CDE complaint; raise it before the IEP meeting.',
    citation: 'Ed Code 56504; 49069.7', sourceTag: 'P', owner: 'district',
    notes: ['Copies may cost no more than the actual cost, and must be free if the cost would prevent access.'],
  },
  {
    id: 'ca.state_complaint.lookback', jurisdiction: 'CA', title: 'Last day to file a CDE complaint about this violation',
    trigger: 'violation_known', triggerText: 'Date of the alleged violation', amount: 1, unit: 'years',
    overrides: ['fed.state_complaint.lookback'], exclusions: [],
    requirement: 'the complaint must allege a violation that occurred not more than one year before it is received',
    consequence: 'File promptly; use due process for older issues.', citation: 'Ed Code 56500.2(b); 34 CFR 300.153(c)', sourceTag: 'P', owner: 'parent',
  },
  {
    id: 'ca.dp.sol', jurisdiction: 'CA', title: 'Due process filing limit (2 years)',
    trigger: 'violation_known', triggerText: 'Date the party knew or had reason to know the facts', amount: 2, unit: 'years',
    overrides: ['fed.dp.sol'], exclusions: ['Federal-style exceptions (misrepresentation, withheld information)'],
    requirement: 'a due process request must be filed within 2 years', consequence: 'File with OAH before the limit.',
    citation: 'Ed Code 56505(l)', sourceTag: 'S', owner: 'parent',
  },
  {
    id: 'ca.transfer.instate', jurisdiction: 'CA', title: 'Interim services after an in-state transfer',
    trigger: 'transfer_in_state', triggerText: 'Pupil with an IEP transfers between California districts during the school year',
    amount: 30, unit: 'calendar_days', exclusions: [],
    requirement: 'provide comparable services and, within 30 days, adopt the previous IEP or develop a new one',
    consequence: 'Request an IEP meeting.', citation: 'Ed Code 56325(a)(1)', sourceTag: 'S', owner: 'district',
  },
];

export const MISSISSIPPI_RULES: DeadlineRule[] = [
  {
    id: 'ms.eval.request_meeting', jurisdiction: 'MS', title: 'MET meets on the evaluation request',
    trigger: 'evaluation_request', triggerText: 'Verbal or written request for an initial evaluation made to anyone at the district',
    amount: 14, unit: 'calendar_days', triggerIsDayOne: true, exclusions: [],
    requirement: 'have the multidisciplinary evaluation team meet and decide within 14 days of the request (the day of the request is day 1)',
    consequence: 'Written follow-up; state complaint.', citation: '7 Miss. Code R. 34-D-300.301(b)(1)(i)(b)', sourceTag: 'P', owner: 'district',
  },
  {
    id: 'ms.eval.request_pwn', jurisdiction: 'MS', title: 'Prior written notice after the MET meeting',
    trigger: 'met_meeting', triggerText: 'MET meeting held on the evaluation request', amount: 7, unit: 'calendar_days', exclusions: [],
    requirement: 'give the parent prior written notice (to evaluate or refusing) within 7 days of the MET meeting',
    consequence: 'Ask for the notice; complaint.', citation: '7 Miss. Code R. 34-D-300.301(b)(1)(i)(a)', sourceTag: 'P', owner: 'district',
  },
  {
    id: 'ms.eval.initial', jurisdiction: 'MS', title: 'Initial evaluation completed',
    trigger: 'consent_to_evaluate', triggerText: 'District receives parental consent', amount: 60, unit: 'calendar_days',
    overrides: ['fed.eval.initial'], exclusions: ['Federal exceptions (300.301(d))'],
    requirement: 'complete the initial evaluation within 60 days of receiving consent',
    consequence: 'Complaint; due process.', citation: '7 Miss. Code R. 34-D-300.301(c)', sourceTag: 'S', owner: 'district',
    notes: ['No Mississippi holiday or break exclusion was verified, so none is applied.'],
  },
  {
    id: 'ms.dp.sol', jurisdiction: 'MS', title: 'Due process filing limit (federal default, unverified for Mississippi)',
    trigger: 'violation_known', triggerText: 'Date the parent knew or should have known', amount: 2, unit: 'years',
    overrides: ['fed.dp.sol'], exclusions: ['Federal exceptions (300.511(f))'],
    requirement: 'file within 2 years (federal default) unless Mississippi sets an explicit limit',
    consequence: 'File well before the limit.', citation: '34 CFR 300.507(a)(2); 7 Miss. Code R. 34-E-300.507/300.511 (not retrieved)', sourceTag: 'X', owner: 'parent',
    notes: ['No Mississippi-specific limit was found; Mississippi may set a different period. As a precaution, act within 1 year.'],
  },
  {
    id: 'ms.dd.reeligibility', jurisdiction: 'MS', title: 'New eligibility determination before age 10 (developmental delay)',
    trigger: 'date_of_birth', triggerText: "Child found eligible as developmental delay; the 10th birthday", amount: 10, unit: 'years', offsetDays: -1,
    requiresEvent: 'developmental_delay_eligibility', exclusions: [],
    requirement: "make a new eligibility determination before the child's 10th birthday (developmental delay covers birth through age 9)",
    consequence: 'Request a reevaluation.', citation: '7 Miss. Code R. 34-B-300.111(b)(1)', sourceTag: 'P', owner: 'district',
  },
  {
    id: 'ms.transition', jurisdiction: 'MS', title: 'Transition goals and services in the IEP (age disputed)',
    trigger: 'date_of_birth', triggerText: "Student's 16th birthday (one source says 14)", amount: 16, unit: 'years',
    overrides: ['fed.transition.age16'], exclusions: [],
    requirement: 'the IEP in effect at 16 must include transition goals and services (federal default)',
    consequence: 'Request an IEP amendment.', citation: '7 Miss. Code R. 34-D-300.320(b)', sourceTag: 'X', owner: 'district',
    notes: ['Sources conflict: one says by the 14th birthday.'],
  },
  {
    id: 'ms.transfer_rights', jurisdiction: 'MS', title: 'Transfer-of-rights notice (age of majority disputed)',
    trigger: 'date_of_birth', triggerText: 'One year before the age of majority (18 or 21: disputed)', amount: 17, unit: 'years',
    overrides: ['fed.transfer_rights.notice'], exclusions: [],
    requirement: 'include the transfer-of-rights statement at least one year before the age of majority',
    consequence: 'Request an IEP amendment.', citation: '7 Miss. Code R. 34-D-300.320(c) / 300.520', sourceTag: 'X', owner: 'district',
    notes: ['If the age of majority is 21 in Mississippi, the notice is due by the 20th birthday instead.'],
  },
];

export const MISSOURI_RULES: DeadlineRule[] = [
  {
    id: 'mo.eval.request_response', jurisdiction: 'MO', title: 'Notice of Action on the evaluation request',
    trigger: 'evaluation_request', triggerText: 'District receives the referral or request for evaluation', amount: 30, unit: 'calendar_days', exclusions: [],
    requirement: 'review existing data and give a Notice of Action proposing (with a consent request) or refusing the evaluation within 30 days',
    consequence: 'Ask for the Notice of Action; child complaint.', citation: 'Missouri State Plan, Reg. III (not opened)', sourceTag: 'S', owner: 'district',
    notes: ['Sources conflict: one says 5 days to respond with prior written notice; 30 days is used here.'],
  },
  {
    id: 'mo.eval.initial', jurisdiction: 'MO', title: 'Evaluation and eligibility determination',
    trigger: 'consent_to_evaluate', triggerText: 'District receives signed consent to evaluate', amount: 60, unit: 'calendar_days',
    overrides: ['fed.eval.initial'], exclusions: ['Federal exceptions (300.301(d))'],
    requirement: 'complete the evaluation and the eligibility determination within 60 days of receiving consent',
    consequence: 'Child complaint; due process.', citation: 'Missouri State Plan, Reg. III; 34 CFR 300.301(c)', sourceTag: 'S', owner: 'district',
  },
  {
    id: 'mo.iep.initial_meeting', jurisdiction: 'MO', title: 'Meeting to develop the initial IEP',
    trigger: 'eligibility_determination', triggerText: 'Eligibility determination', amount: 30, unit: 'calendar_days',
    overrides: ['fed.iep.initial_meeting'], exclusions: [],
    requirement: 'hold the IEP meeting within 30 days of the eligibility determination', consequence: 'Child complaint.',
    citation: 'Missouri State Plan, Reg. IV; 34 CFR 300.323(c)(1)', sourceTag: 'S', owner: 'district',
  },
  {
    id: 'mo.dp.sol', jurisdiction: 'MO', title: 'Due process filing limit (2 years)',
    trigger: 'violation_known', triggerText: 'Date the parent knew or should have known', amount: 2, unit: 'years',
    overrides: ['fed.dp.sol'], exclusions: ['Federal exceptions (300.511(f))'],
    requirement: 'file within 2 years', consequence: 'File before the limit.',
    citation: 'Missouri State Plan, Reg. V; 34 CFR 300.507', sourceTag: 'S', owner: 'parent',
  },
  {
    id: 'mo.dp.commissioner', jurisdiction: 'MO', title: 'Hearing commissioner assigned',
    trigger: 'due_process_filing', triggerText: 'Administrative Hearing Commission receives notice of the request', amount: 15, unit: 'calendar_days', exclusions: [],
    requirement: 'the Administrative Hearing Commission assigns a commissioner within 15 days', consequence: 'Informational.',
    citation: 'RSMo 162.961.1', sourceTag: 'P', owner: 'state_agency',
  },
  {
    id: 'mo.dp.appeal_state_court', jurisdiction: 'MO', title: 'Appeal to state court',
    trigger: 'hearing_decision', triggerText: 'Receipt of the notice of final decision', amount: 45, unit: 'calendar_days', exclusions: [],
    requirement: 'an appeal to state court must be filed within 45 days (federal court: 90 days)', consequence: 'File in court.',
    citation: 'RSMo 162.962(3)', sourceTag: 'P', owner: 'parent',
    notes: ['The text read is an older version that still says "hearing panel"; confirm the current section.'],
  },
];
