// Extraction entry point: one document's pages in, everything found in it out, dispatched on the
// document's classified type. Each extractor is pure over PageContent[] (text layer or OCR).
import type { DocType, ExtractionResult, IepSubtype, PageContent } from '../../../shared/domain';
import { extractCorrespondence } from './correspondence';
import { extractIep } from './iep';
import { extractProgressReport } from './progress';
import { extractTestScores } from './scores';
import { extractServiceLog } from './service-log';
import { cleanResult } from './stray-marks';

export const EXTRACTOR_VERSION = 36;

export interface ExtractInput {
  documentId: string;
  type: DocType;
  subtype?: IepSubtype | null;
  pages: PageContent[];
}

export function extractDocument(input: ExtractInput): ExtractionResult {
  const { documentId, type, pages } = input;
  const result: ExtractionResult = {
    extractorVersion: EXTRACTOR_VERSION,
    iep: null,
    progressReport: null,
    testScores: [],
    serviceLog: null,
    correspondence: null,
  };
  switch (type) {
    case 'iep':
      result.iep = extractIep(pages, documentId, input.subtype ?? null);
      break;
    case 'progress_report':
      result.progressReport = extractProgressReport(pages, documentId);
      break;
    case 'score_report':
    case 'evaluation':
      result.testScores = extractTestScores(pages, documentId);
      break;
    case 'service_log':
      result.serviceLog = extractServiceLog(pages, documentId);
      break;
    case 'correspondence':
      result.correspondence = extractCorrespondence(pages, documentId);
      break;
    case 'other':
      break;
  }
  return cleanResult(result, pages);
}

export { extractIep } from './iep';
export { extractGoals } from './goals';
export { extractServices } from './services';
export { extractAccommodations } from './accommodations';
