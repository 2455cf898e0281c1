// The goal quality check, written out: the four components found or missing, whether the goal is
// measurable, whether the target asks for more growth than the child shows, and the reasons.
import type { GoalCheck } from '../../../../shared/goals/check';
import { formatDisplayDate } from '../../../../shared/text/dates';

const COMPONENTS: Array<[keyof GoalCheck['components'], string, string]> = [
  ['condition', 'Condition', 'the circumstances or materials'],
  ['behavior', 'Behavior', 'what the child will do, observably'],
  ['criterion', 'Criterion', 'how well: a number, a rate, an accuracy'],
  ['timeframe', 'Timeframe', 'by when'],
];

/** What the goal itself says for a component it has: its own words, never an example. */
function quoted(check: GoalCheck, key: keyof GoalCheck['components'], unit: string): string | null {
  if (!check.components[key]) return null;
  if (key === 'condition' && check.conditionText) return `“${check.conditionText}”`;
  if (key === 'criterion' && check.targetValue != null) return `${check.targetValue}${unit}`;
  if (key === 'timeframe' && check.targetDate) return `by ${formatDisplayDate(check.targetDate)}`;
  return null;
}

const AMBITION: Record<string, string> = {
  target_not_beyond_baseline: 'Target not beyond the baseline',
  modest: 'Modest: less growth than the data already show',
  ambitious_attainable: 'Ambitious and attainable at the current rate',
  requires_acceleration: 'Needs faster growth than the data show',
  no_growth_observed: 'No growth in the data toward the target',
  rate_unknown: 'Growth needed known, growth shown unknown',
  cannot_assess: 'Ambition cannot be assessed',
};

export function QualityView({ check, headingLevel = 3 }: { check: GoalCheck; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const unit = check.unit ? ` ${check.unit}` : '';
  return (
    <div className="quality">
      <H>Goal check</H>
      <p className={check.measurable ? 'verdict verdict-ok' : 'verdict verdict-bad'} data-testid="measurable-verdict">
        {check.measurable ? 'Measurable' : 'Not measurable'}
      </p>
      <ul className="components" aria-label="Components of a measurable goal">
        {COMPONENTS.map(([key, name, hint]) => (
          <li key={key} className={check.components[key] ? 'found' : 'missing'}>
            <span aria-hidden="true">{check.components[key] ? '✓' : '✗'}</span> {name}: {check.components[key] ? 'found' : 'missing'}
            <span className="muted"> — {quoted(check, key, unit) ?? hint}</span>
          </li>
        ))}
      </ul>
      <dl className="facts quality-facts">
        <dt>Target</dt>
        <dd>{check.targetValue != null ? `${check.targetValue}${unit}` : '—'}</dd>
        <dt>Direction</dt>
        <dd>{check.direction ? check.direction[0].toUpperCase() + check.direction.slice(1) : '—'}</dd>
        <dt>Baseline</dt>
        <dd>
          {check.baselineUsed != null ? `${check.baselineUsed}${unit}` : '—'}
          {check.baselineUsed != null && check.baselineValue == null && <span className="muted"> (from the IEP, not the goal's sentence)</span>}
        </dd>
        <dt>Area</dt>
        <dd>{check.area ?? '—'}</dd>
        {check.ambition && (
          <>
            <dt>Ambition</dt>
            <dd>{AMBITION[check.ambition.verdict] ?? check.ambition.verdict}</dd>
          </>
        )}
      </dl>
      {check.reasons.length > 0 && (
        <ul className="reasons" aria-label="Reasons">
          {check.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
