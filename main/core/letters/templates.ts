// The six letter templates. Each drafts editable text from the case; the user changes it before saving, and
// nothing is sent by the app. Letters state what the records show and cite the law; they draw no legal conclusions.
import { makeDayCounter } from '../../../shared/deadlines/calendar';
import { countFromTrigger } from '../../../shared/deadlines/compute';
import { LETTER_STARTS_EVENT } from '../../../shared/deadlines/derive';
import { primaryRuleFor, ruleConfidence } from '../../../shared/deadlines/rules';
import type { CaseEventType, DeadlineRule } from '../../../shared/deadlines/types';
import {
  childIntro, compEdLine, findingParagraph, firstName, goalEvidenceLine, goalsShortOfTarget, hours, longDate, percentileLine, serviceLine, shortDate,
} from './evidence';
import type { LetterContext, LetterDraft, LetterTemplateId } from './types';

export const LETTER_TEMPLATES: ReadonlyArray<{ id: LetterTemplateId; title: string; description: string; startsEvent: CaseEventType }> = [
  { id: 'records_request', title: 'Records request', description: 'All education records, including progress-monitoring data and service logs, with the response time the law sets.', startsEvent: LETTER_STARTS_EVENT.records_request },
  { id: 'iep_meeting_request', title: 'Request for an IEP meeting', description: "A meeting to review the child's progress toward the annual goals.", startsEvent: LETTER_STARTS_EVENT.iep_meeting_request },
  { id: 'iep_revision_demand', title: 'Request to revise the IEP (lack of progress)', description: 'Goal data, percentiles and unchanged services as evidence; 34 CFR 300.324(b) and Endrew F.', startsEvent: LETTER_STARTS_EVENT.iep_revision_demand },
  { id: 'iee_request', title: 'Request for an independent educational evaluation', description: 'IEE at public expense under 34 CFR 300.502.', startsEvent: LETTER_STARTS_EVENT.iee_request },
  { id: 'compensatory_education_request', title: 'Request for compensatory education', description: "Services not provided, from the calculator's figures.", startsEvent: LETTER_STARTS_EVENT.compensatory_education_request },
  { id: 'service_logs_request', title: 'Request for service logs', description: 'Session-by-session logs for every IEP service.', startsEvent: LETTER_STARTS_EVENT.service_logs_request },
];

const ENDREW = 'Endrew F. v. Douglas County School District RE-1, 580 U.S. 386 (2017)';

/** "California Education Code section 56504 (see also 49069.7)" from the table's "Ed Code 56504; 49069.7". */
function lawName(rule: DeadlineRule): string {
  const [main, ...rest] = rule.citation.split(';').map((c) => c.trim());
  const named = rule.jurisdiction === 'CA' ? main.replace(/^Ed Code/, 'California Education Code section') : main;
  return rest.length ? `${named} (see also ${rest.join('; ')})` : named;
}

/** "Under <law>, the district must <requirement>. By my count, that is <date>." Only for rules the research verified. */
function timingSentence(trigger: CaseEventType, ctx: LetterContext): string | null {
  const rule = primaryRuleFor(trigger, ctx.state);
  if (!rule || ruleConfidence(rule) !== 'verified' || rule.unit === 'none') return null;
  let sentence = `Under ${lawName(rule)}, the district must ${rule.requirement}.`;
  if (rule.unit === 'business_days' || rule.unit === 'calendar_days') {
    const due = countFromTrigger(rule, ctx.today, makeDayCounter(null, ctx.state)).dueDate;
    if (due) sentence += ` Counting from the date of this letter, that is ${longDate(due)}.`;
  }
  return sentence;
}

function frame(template: LetterTemplateId, ctx: LetterContext, subject: string, paragraphs: Array<string | null | false>): LetterDraft {
  const a = ctx.addressee;
  const recipient = a
    ? [a.name, a.role, ctx.district.name, ...(a.address ?? ctx.district.address ?? []), a.email ? `By email: ${a.email}` : null]
    : ['Director of Special Education', ctx.district.name, ...(ctx.district.address ?? [])];
  const p = ctx.parent;
  return {
    template,
    date: ctx.today,
    subject,
    sender: [p.name, ...(p.address ?? []), p.email ?? null, p.phone ?? null].filter((x): x is string => Boolean(x)),
    recipient: recipient.filter((x): x is string => Boolean(x)),
    salutation: a ? `Dear ${a.name}:` : 'Dear Director of Special Education:',
    paragraphs: paragraphs.filter((x): x is string => typeof x === 'string' && x.length > 0),
    closing: 'Sincerely,',
    signature: [p.name, `Parent of ${ctx.child.name}`],
    cc: (ctx.cc ?? []).map((c) => [c.name, c.role].filter(Boolean).join(', ')),
  };
}

const subjectFor = (what: string, ctx: LetterContext) =>
  `${what}: ${ctx.child.name}${ctx.child.dob ? ` (DOB ${shortDate(ctx.child.dob)})` : ''}`;

function recordsRequest(ctx: LetterContext): LetterDraft {
  const first = firstName(ctx.child.name);
  const since = ctx.recordsFrom ? ` from ${longDate(ctx.recordsFrom)} to the present` : '';
  return frame('records_request', ctx, subjectFor('Request for education records', ctx), [
    childIntro(ctx),
    `I request copies of ${first}'s complete education records${since}. Please include, at a minimum:`,
    '• every IEP, amendment, IEP meeting notes and attendance sheet, prior written notice and consent form;',
    '• every assessment and evaluation report, with protocols and score summaries;',
    `• every progress report and the progress-monitoring data behind it for each goal: probes, data sheets, work samples and graphs;`,
    `• the service logs, session notes and attendance records for each service in ${first}'s IEP, including sessions not provided and the reason;`,
    '• state and district assessment results, report cards, attendance and discipline records;',
    `• emails and other written communications about ${first} kept in any file, and the list of the types and locations of records the district keeps about ${first} (34 CFR 300.616).`,
    timingSentence('records_request', ctx) ??
      'Under 34 CFR 300.613(a), the district must comply without unnecessary delay and before any IEP meeting or hearing.',
    'If any record will not be provided, please tell me in writing which record and why. Electronic copies are welcome; if there is a charge for copies, please tell me before making them.',
    'Thank you for your help.',
  ]);
}

function meetingRequest(ctx: LetterContext): LetterDraft {
  const first = firstName(ctx.child.name);
  const withData = ctx.goals.filter((g) => g.latest || g.baseline !== null);
  return frame('iep_meeting_request', ctx, subjectFor('Request for an IEP meeting to review progress', ctx), [
    childIntro(ctx),
    `I request an IEP meeting to review ${first}'s progress toward the annual goals${ctx.lastIepDate ? ` in the IEP of ${longDate(ctx.lastIepDate)}` : ''} and to consider whether the IEP should be revised.`,
    withData.length > 0 && 'The most recent information I have is:',
    ...withData.map(goalEvidenceLine),
    timingSentence('meeting_request', ctx) ?? 'Please propose dates so that the meeting can be held at a mutually agreed time and place (34 CFR 300.322(a)).',
    `Before the meeting, please send me the progress-monitoring data for each of ${first}'s goals, so that I can take part fully.`,
    'Thank you. I look forward to hearing from you with proposed dates.',
  ]);
}

function revisionDemand(ctx: LetterContext): LetterDraft {
  const first = firstName(ctx.child.name);
  // Goals short of target, and goals with no data at all: both are evidence. With neither, show every goal.
  const evidence = [...goalsShortOfTarget(ctx.goals), ...ctx.goals.filter((g) => !g.latest)];
  const goals = evidence.length ? ctx.goals.filter((g) => evidence.includes(g)) : ctx.goals;
  return frame('iep_revision_demand', ctx, subjectFor('Request to revise the IEP for lack of expected progress', ctx), [
    childIntro(ctx),
    `I am writing because the district's own records, summarised below, raise a serious concern that ${first} is not making the progress the IEP expects. I ask the IEP team to meet and revise the IEP.`,
    'The IEP team must revise the IEP, as appropriate, to address any lack of expected progress toward the annual goals (34 CFR 300.324(b)(1)(ii)(A)). ' +
      `An IEP must be reasonably calculated to enable a child to make progress appropriate in light of the child's circumstances (${ENDREW}).`,
    goals.length > 0 && `${first}'s goal data:`,
    ...goals.map(goalEvidenceLine),
    ctx.percentiles.length > 0 && 'Standardized test results over the same period:',
    ...ctx.percentiles.map(percentileLine),
    ctx.services.length > 0 && `The services in ${first}'s IEP over this period:`,
    ...ctx.services.map(serviceLine),
    'I ask the IEP team to:',
    '• review the progress-monitoring data for each goal at the meeting, and send it to me beforehand;',
    `• revise the goals so that they are measurable and set from ${first}'s current performance;`,
    '• consider more intensive or different instruction and services, and what the data show about the current ones;',
    '• give me prior written notice of any proposal or refusal (34 CFR 300.503).',
    timingSentence('meeting_request', ctx),
    'Thank you. I look forward to working with the team.',
  ]);
}

function ieeRequest(ctx: LetterContext): LetterDraft {
  const ev = ctx.lastEvaluation;
  const which = ev ? `the ${ev.title} completed on ${longDate(ev.date)}` : `the district's most recent evaluation of ${firstName(ctx.child.name)}`;
  const areas = ev?.areas?.length ? ` in the following areas: ${ev.areas.join(', ')}` : ' in all areas assessed';
  return frame('iee_request', ctx, subjectFor('Request for an independent educational evaluation at public expense', ctx), [
    childIntro(ctx),
    `I disagree with ${which}. I request an independent educational evaluation at public expense${areas} (34 CFR 300.502(b)(1)).`,
    'Under 34 CFR 300.502(b)(2), the district must, without unnecessary delay, either file a due process complaint to show that its evaluation is appropriate, or ensure that an independent educational evaluation is provided at public expense.',
    "Please send me the district's criteria for independent evaluations and information about where one may be obtained (34 CFR 300.502(a)(2)). I understand that the district may ask why I disagree, but that an explanation is not required (34 CFR 300.502(b)(4)).",
    ctx.goals.some((g) => g.latest) && 'For context, the most recent progress data I have are:',
    ...goalsShortOfTarget(ctx.goals).map(goalEvidenceLine),
    'Thank you. Please reply in writing.',
  ]);
}

function compEdRequest(ctx: LetterContext): LetterDraft {
  const first = firstName(ctx.child.name);
  const missed = ctx.compEd.reduce((s, f) => s + f.minutesMissedDistrictResponsible, 0);
  const proposed = ctx.compEd.reduce((s, f) => s + (f.proposedMinutes ?? f.minutesMissedDistrictResponsible), 0);
  return frame('compensatory_education_request', ctx, subjectFor('Request for compensatory education for services not provided', ctx), [
    childIntro(ctx),
    ctx.services.length > 0 && `${first}'s IEP requires these services, which must be made available in accordance with the IEP (34 CFR 300.323(c)(2)):`,
    ...ctx.services.map(serviceLine),
    ctx.compEd.length > 0 && "The district's service logs show:",
    ...ctx.compEd.map(compEdLine),
    ctx.compEd.length > 0
      ? `In total, ${missed.toLocaleString('en-US')} minutes (${hours(missed)}) of services were not provided for reasons that were not the student's.`
      : 'I do not yet have the service logs needed to count the sessions not provided; please send them with your reply.',
    `I request compensatory education ${ctx.compEd.length > 0 ? `of ${proposed.toLocaleString('en-US')} minutes (${hours(proposed)})` : 'for every session not provided'}, delivered by a qualified provider at times that do not take ${first} out of core instruction, and a written plan giving the schedule, the provider and how the sessions will be logged.`,
    'I also ask for an IEP meeting to agree on the plan. If the district refuses any part of this request, please give me prior written notice explaining why (34 CFR 300.503).',
    timingSentence('meeting_request', ctx),
    'Thank you for your prompt attention.',
  ]);
}

function serviceLogsRequest(ctx: LetterContext): LetterDraft {
  const first = firstName(ctx.child.name);
  const since = ctx.recordsFrom ? ` from ${longDate(ctx.recordsFrom)} to the present` : '';
  return frame('service_logs_request', ctx, subjectFor('Request for service logs', ctx), [
    childIntro(ctx),
    `I request copies of the service logs for every service in ${first}'s IEP${since}: for each scheduled session, the date, the provider, the minutes provided and, for any session not provided or shortened, the reason. Please include session notes, provider schedules and any make-up sessions.`,
    ctx.services.length > 0 && `The IEP lists these services:`,
    ...ctx.services.map(serviceLine),
    timingSentence('records_request', ctx) ??
      'These logs are education records; under 34 CFR 300.613(a) the district must provide access without unnecessary delay and before any IEP meeting or hearing.',
    'If no log exists for a service or a period, please tell me so in writing.',
    'Thank you.',
  ]);
}

const DRAFTERS: Record<LetterTemplateId, (ctx: LetterContext) => LetterDraft> = {
  records_request: recordsRequest,
  iep_meeting_request: meetingRequest,
  iep_revision_demand: revisionDemand,
  iee_request: ieeRequest,
  compensatory_education_request: compEdRequest,
  service_logs_request: serviceLogsRequest,
};

/** Drafts a letter from the case: editable text, not yet saved or sent. */
export function draftLetter(template: LetterTemplateId, ctx: LetterContext): LetterDraft {
  const drafter = DRAFTERS[template];
  if (!drafter) throw new Error(`Unknown letter template: ${template}`);
  const draft = drafter(ctx);
  // A letter drafted from a red flag states the flag's finding, with its sources, right after the introduction.
  if (ctx.finding) draft.paragraphs.splice(1, 0, findingParagraph(ctx, ctx.finding));
  return draft;
}
