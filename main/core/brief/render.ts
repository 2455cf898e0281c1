// The meeting brief as a document, through the letters module's renderers (DOCX and PDF): the brief
// becomes a letter-shaped draft with no addressee, its headings in capitals, its facts and
// questions as list items. What the renderers print is the brief's text, nothing added.
import type { BriefFinding, BriefGoal, MeetingBriefDto } from '../../../shared/api/brief';
import { formatDisplayDate } from '../../../shared/text/dates';
import { fmtNum } from '../../../shared/timeline/flag-types';
import { type LetterDraft, renderDocx, renderPdf } from '../letters';
import { citeText } from './build';

const item = (text: string) => `• ${text}`;
const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmtNum(n)}`;

function findingLines(f: BriefFinding): string {
  return item(`${f.label}: ${f.description}${f.cites.length ? ` (${f.cites.map(citeText).join('; ')})` : ''}`);
}

function goalLines(g: BriefGoal): string[] {
  const unit = g.unit ? ` ${g.unit}` : '';
  const lines = [g.title.toUpperCase(), `Goal as written: ${g.text || '(no text)'}`];
  lines.push(item(g.baseline
    ? `Baseline: ${fmtNum(g.baseline.value)}${unit}${g.baseline.date ? `, ${formatDisplayDate(g.baseline.date)}${g.baseline.dateEstimated ? ' (date estimated: the IEP start)' : ''}` : ''} (${citeText(g.baseline.cite)})`
    : 'Baseline: none stated'));
  lines.push(item(g.target ? `Target: ${fmtNum(g.target.value)}${unit}${g.target.date ? ` by ${formatDisplayDate(g.target.date)}` : ''}` : 'Target: none stated'));
  lines.push(item(g.latest
    ? `Latest data: ${fmtNum(g.latest.value)}${unit} on ${formatDisplayDate(g.latest.date)} (${citeText(g.latest.cite)})${g.latest.fromEarlierGoal ? ', reported under the earlier goal of the same line: none yet for this goal' : `; ${g.dataPoints} data point(s) for this goal`}`
    : 'Latest data: none reported'));
  const p = g.progress;
  if (p.ratePerWeek != null || p.rateNeededPerWeek != null) {
    lines.push(item(`Trend against the aim line: ${p.ratePerWeek != null ? `${signed(p.ratePerWeek)}${unit}/week` : 'no trend yet (3 data points needed)'} against ${p.rateNeededPerWeek != null ? `${signed(p.rateNeededPerWeek)}${unit}/week needed` : 'no aim line'}${p.aimValueAtLatest != null ? `; the aim line stood at ${fmtNum(Math.round(p.aimValueAtLatest * 10) / 10)}${unit} on the latest date` : ''}`));
  }
  lines.push(item(`On track: ${p.onTrack == null ? 'cannot be computed' : p.onTrack ? 'yes' : 'no'}. ${p.verdict}`));
  if (p.formulas.length) lines.push(item(`How it is computed: ${p.formulas.join('; ')}; on track when the trend reaches the target by the target date (with under 3 points, when the latest point is on or beyond the aim line).`));
  lines.push(g.findings.length ? 'Open red flags for this goal:' : 'Open red flags for this goal: none.');
  lines.push(...g.findings.map(findingLines));
  if (g.questions.length) lines.push('Questions for the team:', ...g.questions.map(item));
  return lines;
}

function serviceLines(brief: MeetingBriefDto): string[] {
  if (!brief.services.length) return ['SERVICES AND MINUTES MISSED', 'No services or service logs in the records.'];
  return ['SERVICES AND MINUTES MISSED', ...brief.services.map((s) => {
    const parts = [s.service];
    if (s.amount) parts.push(`as written: ${s.amount}`);
    if (s.period) parts.push(s.period);
    if (s.minutesRequired != null) parts.push(`${fmtNum(s.minutesDelivered ?? 0)} of ${fmtNum(s.minutesRequired)} minutes delivered`);
    if (s.minutesMissedSchool != null) parts.push(`${fmtNum(s.minutesMissedSchool)} minutes missed for reasons on the school's side`);
    if (s.minutesMissedAbsence) parts.push(`${fmtNum(s.minutesMissedAbsence)} for student absence`);
    return item(`${parts.join('; ')}${s.cite ? ` (${citeText(s.cite)})` : ''}`);
  })];
}

/** The brief as the letter renderers take it. */
export function briefDocument(brief: MeetingBriefDto): LetterDraft {
  const paragraphs = [
    ...brief.goals.flatMap(goalLines),
    ...serviceLines(brief),
    ...(brief.caseFindings.length ? ['OTHER OPEN RED FLAGS IN THE RECORDS', ...brief.caseFindings.map(findingLines)] : []),
    ...(brief.generalQuestions.length ? ['QUESTIONS ABOUT THE WHOLE IEP', ...brief.generalQuestions.map(item)] : []),
  ];
  return {
    template: 'iep_meeting_request',
    date: brief.date,
    subject: brief.title,
    sender: [brief.child, 'Prepared with IEP Casefile'],
    recipient: [],
    salutation: `${brief.iep ? `Goals of the ${brief.iep}` : 'No IEP in the records'}. Every figure names the document and page it was read from; on-track verdicts are computed as the goal charts compute them.`,
    paragraphs,
    closing: '',
    signature: [],
    cc: [],
  };
}

export async function renderBrief(brief: MeetingBriefDto, format: 'docx' | 'pdf'): Promise<Buffer> {
  const doc = briefDocument(brief);
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}
