// The rules table and the per-state view of it. No rule is authoritative: each carries the research file's tag.
import { FEDERAL_RULES } from './rules-federal';
import { CALIFORNIA_RULES, MISSISSIPPI_RULES, MISSOURI_RULES } from './rules-states';
import { confidenceOf, type CaseEventType, type DeadlineRule, type Jurisdiction, type RuleConfidence } from './types';

export const DEADLINE_RULES: readonly DeadlineRule[] = [...FEDERAL_RULES, ...CALIFORNIA_RULES, ...MISSISSIPPI_RULES, ...MISSOURI_RULES];

export function ruleById(id: string): DeadlineRule | undefined {
  return DEADLINE_RULES.find((r) => r.id === id);
}

/** The rules in force for a state: its own rows plus every federal rule it does not override. Null state: federal only. */
export function rulesForState(state: Jurisdiction | null, rules: readonly DeadlineRule[] = DEADLINE_RULES): DeadlineRule[] {
  const own = state && state !== 'US' ? rules.filter((r) => r.jurisdiction === state) : [];
  const overridden = new Set(own.flatMap((r) => r.overrides ?? []));
  return [...rules.filter((r) => r.jurisdiction === 'US' && !overridden.has(r.id)), ...own];
}

/** The rule a letter cites for a trigger in a state: a rule with a number of days first, then any rule. */
export function primaryRuleFor(trigger: CaseEventType, state: Jurisdiction | null): DeadlineRule | undefined {
  const candidates = rulesForState(state).filter((r) => r.trigger === trigger);
  return (
    candidates.find((r) => r.unit !== 'none' && !r.referenceOnly) ??
    candidates.find((r) => !r.referenceOnly) ??
    candidates[0]
  );
}

export const CONFIDENCE_LABEL: Record<RuleConfidence, string> = {
  verified: 'verified (primary text read)',
  secondary_source: 'based on secondary source',
  unverified: 'unverified',
};

export function ruleConfidence(rule: DeadlineRule): RuleConfidence {
  return confidenceOf(rule.sourceTag);
}

const UNIT_WORDS: Record<DeadlineRule['unit'], [string, string]> = {
  calendar_days: ['day', 'days'],
  business_days: ['business day', 'business days'],
  school_days: ['school day', 'school days'],
  calendar_days_excl_ca_breaks: ['day', 'days'],
  months: ['month', 'months'],
  years: ['year', 'years'],
  none: ['', ''],
};

/** "5 business days", "60 days (not counting school breaks of more than five schooldays)", "no fixed number of days". */
export function describeRuleTime(rule: DeadlineRule): string {
  if (rule.unit === 'none') return 'no fixed number of days';
  const [one, many] = UNIT_WORDS[rule.unit];
  const base = `${rule.amount} ${rule.amount === 1 ? one : many}`;
  return rule.unit === 'calendar_days_excl_ca_breaks' ? `${base} (not counting school breaks of more than five schooldays)` : base;
}
