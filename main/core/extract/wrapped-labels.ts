// Labels wrapped over two lines in a narrow label column are joined by the layout model
// (main/core/layout/label-lines.ts); this gives a reader's layout those joined rows.
import { joinWrappedLabels as joinRows } from '../layout/label-lines';
import type { Layout } from './layout';

export const joinWrappedLabels = (layout: Layout): Layout => ({ ...layout, lines: joinRows(layout.lines) });
