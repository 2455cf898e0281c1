// The rules table and the per-state view of it. No rule is authoritative: each carries the research file's tag.
import { FEDERAL_RULES } from './rules-federal';
import { CALIFORNIA_RULES, MISSISSIPPI_RULES, MISSOURI_RULES } from './rules-states';
import { confidenceOf, type CaseEventType, type DeadlineRule, type Jurisdiction, type RuleConfidence } from './types';

export const DEADLINE_RULES: readonly DeadlineRule[] = [...FEDERAL_RULES, ...CALIFORNIA_RULES, ...MISSISSIPPI_RULES, ...MISSOURI_RULES];

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

export function ruleConfidence(rule: DeadlineRule): RuleConfidence {
  return confidenceOf(rule.sourceTag);
}
