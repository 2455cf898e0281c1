import type { DocumentDto } from '../../../../shared/api/documents';
import type { IepSubtype } from '../../../../shared/domain';

export { DOC_TYPE_LABELS as TYPE_LABELS } from '../../../../shared/doc-types';
import { DOC_TYPE_LABELS as TYPE_LABELS } from '../../../../shared/doc-types';

export const SUBTYPE_LABELS: Record<IepSubtype, string> = {
  initial: 'Initial',
  annual: 'Annual',
  amendment: 'Amendment',
  revision: 'Revision',
  reevaluation: 'Reevaluation',
  interim: 'Interim',
};

export function typeLabel(doc: Pick<DocumentDto, 'type' | 'subtype'>): string {
  const t = TYPE_LABELS[doc.type] ?? doc.type;
  return doc.type === 'iep' && doc.subtype ? `${t} · ${SUBTYPE_LABELS[doc.subtype] ?? doc.subtype}` : t;
}

export const TEXT_SOURCE_LABELS: Record<NonNullable<DocumentDto['textSource']>, string> = {
  text_layer: 'Text layer',
  ocr: 'OCR',
  mixed: 'Text + OCR',
};

export function statusLabel(doc: DocumentDto): string {
  if (doc.status === 'ocr_pending') return 'OCR waiting';
  if (doc.status === 'ocr_running') return 'OCR running';
  if (doc.status === 'failed') return `Failed: ${doc.error ?? 'unknown error'}`;
  if (doc.lowConfidencePages.length) return `Check page${doc.lowConfidencePages.length > 1 ? 's' : ''} ${doc.lowConfidencePages.join(', ')}`;
  return 'Ready';
}
