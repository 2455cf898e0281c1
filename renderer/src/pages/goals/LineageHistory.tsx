// A lineage year by year: how the goal's text changed (words added marked, removed struck through),
// baseline, target, unit, measure and whether it was met; and the controls to move a goal to
// another lineage, make it stand alone, or go back to the automatic link.
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { LineageDto } from '../../../../shared/api/timeline';
import { formatDisplayDate } from '../../../../shared/text/dates';
import type { LineageStep } from '../../../../shared/timeline/lineage';
import { SourceLink } from '../../components/charts/SourceLink';

function DiffText({ step }: { step: LineageStep }) {
  if (!step.diff) return <>{step.text}</>;
  return (
    <>
      {step.diff.map((part, i) => {
        const text = i > 0 ? ` ${part.text}` : part.text;
        if (part.op === 'added') return <ins key={i}>{text}</ins>;
        if (part.op === 'removed') return <del key={i}>{text}</del>;
        return <span key={i}>{text}</span>;
      })}
    </>
  );
}

function yearsOf(l: LineageDto): string {
  const years = l.history.map((h) => h.iepDate?.slice(0, 4)).filter(Boolean);
  return years.length ? `${years[0]}${years.length > 1 ? `–${years[years.length - 1]}` : ''}` : '';
}

interface LinkMenuProps {
  step: LineageStep;
  lineage: LineageDto;
  all: LineageDto[];
  onLink(goalId: string, lineageKey: string | null): void;
  onReset(goalId: string): void;
}

function LinkMenu({ step, lineage, all, onLink, onReset }: LinkMenuProps) {
  const others = all.filter((l) => l.id !== lineage.id);
  const name = `${step.area ?? 'goal'} of ${formatDisplayDate(step.iepDate)}`;
  return (
    <MenuTrigger>
      <Button className="quiet" aria-label={`Link options for the ${name}`}>
        Link…
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={`Move the ${name}`}
          onAction={(key) => {
            const k = String(key);
            if (k === '__reset') onReset(step.goalId);
            else if (k === '__alone') onLink(step.goalId, null);
            else onLink(step.goalId, k);
          }}
        >
          {lineage.goalIds.length > 1 && (
            <MenuItem id="__alone" className="menu-item">
              Unlink: make this goal stand alone
            </MenuItem>
          )}
          {others.map((l) => (
            <MenuItem key={l.id} id={l.id} className="menu-item" textValue={`Move to ${l.label}`}>
              Move to {l.label} <span className="muted">{yearsOf(l)}</span>
            </MenuItem>
          ))}
          <Separator className="menu-separator" />
          <MenuItem id="__reset" className="menu-item">
            Reset to the automatic link
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

export function LineageHistory({ caseId, lineage, all, onLink, onReset }: { caseId: string; lineage: LineageDto; all: LineageDto[]; onLink(goalId: string, key: string | null): void; onReset(goalId: string): void }) {
  return (
    <table className="data-table history">
      <caption className="sr-only">{lineage.label}, year by year</caption>
      <thead>
        <tr>
          <th scope="col">IEP</th>
          <th scope="col">Goal text (changes from the year before)</th>
          <th scope="col" className="num">Baseline</th>
          <th scope="col" className="num">Target</th>
          <th scope="col">Unit</th>
          <th scope="col">Measured by</th>
          <th scope="col">Met</th>
          <th scope="col">
            <span className="sr-only">Link</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lineage.history.map((step) => (
          <tr key={step.goalId}>
            <th scope="row">
              <SourceLink caseId={caseId} source={step.source} label={`Open the goal in the ${step.iepType ?? ''} IEP of ${formatDisplayDate(step.iepDate)}`}>
                {formatDisplayDate(step.iepDate)}
              </SourceLink>
              <div className="muted">{step.iepType ?? 'IEP'}{step.gradeLevel != null ? ` · grade ${step.gradeLevel} level` : ''}</div>
            </th>
            <td className="goal-text">
              <DiffText step={step} />
            </td>
            <td className="num">
              {step.baselineValue != null ? (
                <SourceLink caseId={caseId} source={step.source} label={`Baseline ${step.baselineValue}, open its page`}>
                  {step.baselineValue}
                </SourceLink>
              ) : (
                '—'
              )}
            </td>
            <td className="num">
              {step.targetValue != null ? (
                <SourceLink caseId={caseId} source={step.source} label={`Target ${step.targetValue}, open its page`}>
                  {step.targetValue}
                </SourceLink>
              ) : (
                '—'
              )}
            </td>
            <td>{step.unit ?? '—'}</td>
            <td>{step.measuredBy ?? '—'}</td>
            <td className={step.met === false ? 'status-bad' : step.met ? 'status-ok' : 'muted'}>{step.met == null ? 'unknown' : step.met ? 'met' : 'not met'}</td>
            <td>
              <LinkMenu step={step} lineage={lineage} all={all} onLink={onLink} onReset={onReset} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
