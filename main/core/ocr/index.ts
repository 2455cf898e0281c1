// Offline OCR: the driver contract, the tesseract.js engine, and the helpers around it.
export { OcrCancelledError } from './driver';
export type { OcrDriver, OcrPageInput, OcrProgress, OcrRunOptions } from './driver';
export { createOcrDriver } from './tesseract';
export type { OcrDriverOptions, TesseractOcrDriver } from './tesseract';
export { preprocessImage } from './preprocess';
export type { ImageInput, PreprocessOptions, PreparedImage } from './preprocess';
export { characterErrorRate, levenshtein, normalizeWhitespace } from './cer';
export { defaultTessdataDir, defaultWorkerPath, findRepoRoot } from './paths';
export { ocrImage, ocrPdf } from './ocr-document';
export type { OcrDocumentOptions } from './ocr-document';
