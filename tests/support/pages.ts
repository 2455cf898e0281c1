// A page whose words sit in a row, 40 points apart: enough for search rows and boxes.
import type { PageContent } from '../../shared/domain';

export function textPage(n: number, text: string, source: 'ocr' | 'text_layer' = 'text_layer'): PageContent {
  return {
    pageNumber: n,
    width: 612,
    height: 792,
    text,
    words: text.split(/\s+/).filter(Boolean).map((t, i) => ({ text: t, bbox: [i * 40, 10, i * 40 + 30, 22], conf: 90 })),
    source,
    meanConfidence: source === 'ocr' ? 90 : null,
  };
}
