// Headings for red flag types: plain words for patterns in the evidence, never legal conclusions.
// Shared so the meeting brief (main/core/brief) and the app head a flag alike.
import type { RedFlagType } from './flag-types';

const LABELS: Record<RedFlagType, string> = {
  goal_carried_forward_unmet: 'Goal carried forward, not met',
  goal_target_below_baseline: 'Target at or below the baseline',
  vague_goal: 'Goal missing measurable parts',
  goal_without_target_date: 'Goal without a target date',
  progress_report_without_data: 'Progress reported without data',
  declining_percentiles: 'Percentiles falling across years',
  services_unchanged_despite_stagnation: 'Same services while data stay flat',
  missed_services: 'Service minutes not delivered',
  progress_code_contradicts_data: 'Progress code does not match the data',
  goal_not_updated_to_grade_level: 'Goal measured at the same grade level',
  progress_report_missing_or_late: 'Progress reports missing or late',
  annual_review_overdue: 'Annual review overdue',
  reevaluation_overdue: 'Reevaluation overdue',
  pwn_missing_element: 'Prior Written Notice element not found',
  gap_widening: 'Gap to peers growing',
  goal_not_ambitious: 'Goal below grade-level norms',
  score_gap_widening: 'Scores up, standing among peers down',
};

export function flagLabel(type: string): string {
  return (LABELS as Record<string, string>)[type] ?? type.replace(/_/g, ' ');
}
