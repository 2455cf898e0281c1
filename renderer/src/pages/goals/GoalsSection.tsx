// Goals & timeline: the case's years at a glance, then each goal lineage with its chart, computed
// progress figures, year-by-year history, link controls and quality check; then a checker for a
// goal proposed at the next meeting.
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { FlagDto, LineageDto } from '../../../../shared/api/timeline';
import { invoke } from '../../api/client';
import { EChart } from '../../components/charts/EChart';
import { useCaseQuery, useDocumentNames } from '../../components/charts/useCaseQuery';
import { FlagList } from '../overview/FlagList';
import { navigate } from '../../router';
import type { SectionProps } from '../sections';
import { GoalChecker } from './GoalChecker';
import { LineageHistory } from './LineageHistory';
import { ProgressFigures } from './ProgressFigures';
import { QualityView } from './QualityView';
import { TimelineView } from './Timeline';
import { ErrorText } from '../../components/ErrorText';
import { MeetingBriefCard } from '../brief/MeetingBrief';

/** The red flags on a lineage's goals, each with its next steps (draft letter, add deadline, dismiss). */
function LineageFlags({ caseId, lineage }: { caseId: string; lineage: LineageDto }) {
  const flags = useCaseQuery(caseId, () => invoke('flags.list', { caseId, includeDismissed: true }));
  const names = useDocumentNames(caseId);
  if (flags.error) return <p role="alert" className="error">Red flags could not be loaded: {flags.error}</p>;
  const goals = new Set(lineage.goalIds);
  const mine = (flags.data ?? []).filter((f: FlagDto) => f.goalIds.some((g) => goals.has(g)));
  if (!mine.length) return null;
  return <FlagList caseId={caseId} flags={mine} names={names} onChange={flags.set} title="Red flags on this goal" />;
}

function LineagePanel({ caseId, lineage, all, onLinked }: { caseId: string; lineage: LineageDto; all: LineageDto[]; onLinked(next: LineageDto[]): void }) {
  const [error, setError] = useState<string | null>(null);
  const act = (p: Promise<LineageDto[]>) =>
    p.then((next) => (onLinked(next), setError(null))).catch((e: Error) => setError(`The link could not be changed: ${e.message}`));
  return (
    <div className="lineage">
      <EChart caseId={caseId} option={lineage.chartOption} height={380} label={`${lineage.label} goal data`} />
      <ProgressFigures caseId={caseId} chart={lineage.chart} />
      <LineageFlags caseId={caseId} lineage={lineage} />
      <h3>Year by year</h3>
      <ErrorText message={error} />
      <LineageHistory
        caseId={caseId}
        lineage={lineage}
        all={all}
        onLink={(goalId, lineageKey) => act(invoke('goals.link', { caseId, goalId, lineageKey }))}
        onReset={(goalId) => act(invoke('goals.resetLink', { caseId, goalId }))}
      />
      <QualityView check={lineage.quality} />
    </div>
  );
}

function Lineages({ caseId, selected }: { caseId: string; selected: string | undefined }) {
  const lineages = useCaseQuery(caseId, () => invoke('goals.lineages', { caseId }));
  if (lineages.error) return <p role="alert" className="error">Goals could not be loaded: {lineages.error}</p>;
  const list = lineages.data;
  if (!list) return <p aria-busy="true">Loading goals…</p>;
  if (!list.length) return <p className="empty">No goals yet: import the child's IEPs and each goal appears here with its data across the years.</p>;
  const current = list.find((l) => l.id === selected) ?? list[0];
  return (
    <Tabs selectedKey={current.id} onSelectionChange={(key) => navigate({ page: 'case', caseId, section: 'goals', rest: [String(key)] })} className="lineage-tabs">
      <TabList aria-label="Goal lineages" className="tab-list">
        {list.map((l) => (
          <Tab key={l.id} id={l.id} className="tab">
            {l.label}
            <span className={l.met === false ? 'tab-status status-bad' : l.met ? 'tab-status status-ok' : 'tab-status muted'}>
              {l.met == null ? '' : l.met ? ' · met' : ' · not met'}
            </span>
          </Tab>
        ))}
      </TabList>
      {list.map((l) => (
        <TabPanel key={l.id} id={l.id} className="tab-panel">
          <LineagePanel caseId={caseId} lineage={l} all={list} onLinked={lineages.set} />
        </TabPanel>
      ))}
    </Tabs>
  );
}

export function GoalsSection({ caseData, rest }: SectionProps) {
  const caseId = caseData.id;
  const timeline = useCaseQuery(caseId, () => invoke('timeline.get', { caseId }));
  return (
    <div className="goals">
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {timeline.error && <p role="alert" className="error">The timeline could not be built: {timeline.error}</p>}
        {timeline.data ? <TimelineView caseId={caseId} timeline={timeline.data.timeline} /> : !timeline.error && <p aria-busy="true">Loading the timeline…</p>}
      </section>
      <section className="card" aria-labelledby="lineages-heading">
        <h2 id="lineages-heading">Goals across the years</h2>
        <Lineages caseId={caseId} selected={rest[0]} />
      </section>
      <MeetingBriefCard caseId={caseId} />
      <GoalChecker />
    </div>
  );
}
