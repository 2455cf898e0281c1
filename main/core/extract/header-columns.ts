// Columns of a report table from its header and body lines, and a line's phrase cells: read by the
// layout model (main/core/layout/header-columns.ts).
export { columnsFromHeader, phraseCells } from '../layout/header-columns';
