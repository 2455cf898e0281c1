// Labels printed above their value or in a cell beside it are read by the layout model
// (main/core/layout/label-lines.ts).
export { cellFields, joinLabelsAbove } from '../layout/label-lines';
