import type { DocType } from './domain';

/** How each document type is named on screen, in letters and in the packet. */
export const DOC_TYPE_LABELS: Record<DocType, string> = {
  iep: 'IEP',
  progress_report: 'Progress report',
  score_report: 'Score report',
  evaluation: 'Evaluation',
  service_log: 'Service log',
  correspondence: 'Correspondence',
  other: 'Other',
};
