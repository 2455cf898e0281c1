// The meeting brief: "Prepare meeting brief" loads it from the case (per goal the figures with their
// sources, on track as computed, the open red flags), shows a preview where the questions for the
// team are edited, one per line, and saves it as PDF or Word, filed in the case's documents.
import { useState } from 'react';
import type { BriefCite, BriefGoal, MeetingBriefDto, SavedBriefDto } from '../../../../shared/api/brief';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Input';
import { viewerHref } from '../../components/viewer/links';
import { counted } from '../../components/words';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function Cite({ caseId, cite }: { caseId: string; cite: BriefCite }) {
  const label = `${cite.document}${cite.page != null ? `, p. ${cite.page}` : ''}`;
  return (
    <a className="source-link" href={viewerHref(caseId, cite.documentId, cite.page ?? 1)} aria-label={`Open ${label}`}>
      {label}
    </a>
  );
}

function QuestionsField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return (
    <TextField value={value} onChange={onChange} className="lines-field" label={label} rows={Math.max(3, value.split('\n').length + 1)} description="One question per line." />
  );
}

function GoalPreview({ caseId, goal, questions, onQuestions }: { caseId: string; goal: BriefGoal; questions: string; onQuestions(v: string): void }) {
  const u = goal.unit ? ` ${goal.unit}` : '';
  const verdict = goal.progress.onTrack == null ? 'muted' : goal.progress.onTrack ? 'status-ok' : 'status-bad';
  return (
    <section className="brief-goal" aria-label={goal.title}>
      <h4>{goal.title}</h4>
      <ul className="brief-facts">
        <li>Baseline: {goal.baseline ? <>{goal.baseline.value}{u}{goal.baseline.date ? `, ${formatDisplayDate(goal.baseline.date)}` : ''} (<Cite caseId={caseId} cite={goal.baseline.cite} />)</> : 'none stated'}</li>
        <li>Target: {goal.target ? `${goal.target.value}${u}${goal.target.date ? ` by ${formatDisplayDate(goal.target.date)}` : ''}` : 'none stated'}</li>
        <li>Latest data: {goal.latest ? <>{goal.latest.value}{u} on {formatDisplayDate(goal.latest.date)} (<Cite caseId={caseId} cite={goal.latest.cite} />){goal.latest.fromEarlierGoal ? ', under the earlier goal' : ''}</> : 'none reported'}</li>
        <li className={verdict}>{goal.progress.verdict}</li>
        <li>Open red flags: {goal.findings.length ? goal.findings.map((f) => f.label).join('; ') : 'none'}</li>
      </ul>
      <QuestionsField label={`Questions on ${goal.title}`} value={questions} onChange={onQuestions} />
    </section>
  );
}

function BriefPreview({ caseId, brief, onSaved, onCancel }: { caseId: string; brief: MeetingBriefDto; onSaved(s: SavedBriefDto): void; onCancel(): void }) {
  const [questions, setQuestions] = useState<Record<string, string>>(() => Object.fromEntries(brief.goals.map((g) => [g.goalId, g.questions.join('\n')])));
  const [general, setGeneral] = useState(brief.generalQuestions.join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = (format: 'pdf' | 'docx') => {
    setBusy(true);
    setError(null);
    invoke('brief.save', { caseId, format, questions: Object.fromEntries(Object.entries(questions).map(([id, t]) => [id, lines(t)])), generalQuestions: lines(general) })
      .then(onSaved)
      .catch((e: Error) => setError(`The brief could not be saved: ${e.message}`))
      .finally(() => setBusy(false));
  };
  return (
    <div className="brief-preview">
      <p className="muted">
        {brief.iep ? `Goals of the ${brief.iep}` : 'No IEP in the records yet'}: {counted(brief.goals.length, 'goal')}, {counted(brief.services.length, 'service line')}, {counted(brief.caseFindings.length, 'other open red flag')}.
        Edit the questions, then save: the brief is filed in the case's documents.
      </p>
      {brief.goals.map((g) => (
        <GoalPreview key={g.goalId} caseId={caseId} goal={g} questions={questions[g.goalId] ?? ''} onQuestions={(v) => setQuestions((q) => ({ ...q, [g.goalId]: v }))} />
      ))}
      <QuestionsField label="Questions about the whole IEP" value={general} onChange={setGeneral} />
      <ErrorText message={error} />
      <div className="actions">
        <Button onPress={() => save('pdf')} isDisabled={busy}>Save brief as PDF</Button>
        <Button onPress={() => save('docx')} isDisabled={busy}>Save brief as Word</Button>
        <Button variant="quiet" onPress={onCancel} isDisabled={busy}>Cancel</Button>
      </div>
    </div>
  );
}

export function MeetingBriefCard({ caseId }: { caseId: string }) {
  const [brief, setBrief] = useState<MeetingBriefDto | null>(null);
  const [saved, setSaved] = useState<SavedBriefDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const prepare = () => {
    setLoading(true);
    setError(null);
    setSaved(null);
    invoke('brief.draft', { caseId })
      .then(setBrief)
      .catch((e: Error) => setError(`The brief could not be prepared: ${e.message}`))
      .finally(() => setLoading(false));
  };
  return (
    <section className="card meeting-brief" aria-labelledby="brief-heading">
      <h2 id="brief-heading">Meeting brief</h2>
      {!brief && (
        <>
          <p className="muted">Before an IEP meeting: each goal's data, trend and on-track verdict with their sources, the open red flags, services and minutes missed, and the questions to put to the team.</p>
          <Button onPress={prepare} isDisabled={loading}>{loading ? 'Preparing…' : 'Prepare meeting brief…'}</Button>
        </>
      )}
      <ErrorText message={error} />
      {saved && (
        <p role="status" className="notice">
          Saved {saved.fileName} in the case's documents.{' '}
          {saved.documentId ? <a href={viewerHref(caseId, saved.documentId, 1)}>Open it</a> : null}
        </p>
      )}
      {brief && (
        <BriefPreview
          caseId={caseId}
          brief={brief}
          onSaved={(s) => {
            setSaved(s);
            setBrief(null);
          }}
          onCancel={() => setBrief(null)}
        />
      )}
    </section>
  );
}
