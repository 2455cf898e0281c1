// glibc malloc settings for the app's processes that may OCR (the `casefile import`/`resume` child,
// the app's engine, `npm start`). glibc reads them only when a process starts, so whatever launches
// the process sets them (bench/RESULTS.md, import memory):
// - two arenas: glibc otherwise gives each allocating thread (tesseract.js workers, libvips under
//   sharp) its own, up to 8 per core, and keeps their freed page buffers (170-240 MB of a scan
//   import's peak);
// - a fixed mmap threshold: glibc otherwise raises it after each large free, so the OCR stage's page
//   buffers (a few MB each) come from the arenas and fragment them; fixed, they are mapped and given
//   back on free (a 60-page scan import: 496 -> 422 MB peak, flat instead of climbing).
export const MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
