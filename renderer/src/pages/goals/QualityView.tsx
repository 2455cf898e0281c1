// The goal quality check, written out: the four components found or missing, whether the goal is
// measurable, whether the target asks for more growth than the child shows, and the reasons.
import type { GoalCheck } from '../../../../shared/goals/check';

const COMPONENTS: Array<[keyof GoalCheck['components'], string, string]> = [
  ['condition', 'Condition', 'the circumstances: "given a grade-level passage"'],
  ['behavior', 'Behavior', 'what the child will do, observably'],
  ['criterion', 'Criterion', 'how well: a number, a rate, an accuracy'],
  ['timeframe', 'Timeframe', 'by when'],
];

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
            <span className="muted"> — {hint}</span>
          </li>
        ))}
      </ul>
      <dl className="facts quality-facts">
        <dt>Target</dt>
        <dd>{check.targetValue != null ? `${check.targetValue}${unit}` : '—'}</dd>
        <dt>Direction</dt>
        <dd>{check.direction ?? '—'}</dd>
        <dt>Baseline stated</dt>
        <dd>{check.baselineValue != null ? `${check.baselineValue}${unit}` : '—'}</dd>
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
