// Prepared statements for the OCR queue: which jobs row of kind 'ocr' (one per document) runs next
// (its status changes and removal are jobQueries'), and ocr_job_pages, each page a running job has
// recognised (kept so an interrupted job resumes where it stopped). Rows map to camelCase here only.
import type { PageContent } from '../../../../shared/domain';
import type { Db } from '../open';

interface OcrJobRowRaw {
  id: string;
  case_id: string;
  document_id: string;
  payload_json: string;
}

export interface OcrJob {
  id: string;
  caseId: string;
  documentId: string;
  /** The page numbers the job recognises. */
  pages: number[];
}

function toOcrJob(r: OcrJobRowRaw): OcrJob {
  return { id: r.id, caseId: r.case_id, documentId: r.document_id, pages: (JSON.parse(r.payload_json) as { pages: number[] }).pages };
}

export function ocrJobQueries(db: Db) {
  const keepPage = db.prepare('INSERT OR REPLACE INTO ocr_job_pages (job_id, page_number, content_json) VALUES (?, ?, ?)');
  const recognisedPage = db.prepare<[string, number], { content_json: string }>('SELECT content_json FROM ocr_job_pages WHERE job_id = ? AND page_number = ?');
  return {
    /** The oldest queued OCR job, if any. */
    nextQueued: (): OcrJob | undefined => {
      const r = db.prepare<[], OcrJobRowRaw>("SELECT id, case_id, document_id, payload_json FROM jobs WHERE kind = 'ocr' AND status = 'queued' ORDER BY created_at LIMIT 1").get();
      return r && toOcrJob(r);
    },
    /** The page numbers the job has already recognised. */
    storedPages: (id: string): Set<number> => new Set(db.prepare<[string], { page_number: number }>('SELECT page_number FROM ocr_job_pages WHERE job_id = ?').all(id).map((r) => r.page_number)),
    keepPage: (id: string, page: PageContent) => void keepPage.run(id, page.pageNumber, JSON.stringify(page)),
    /** One recognised page of the job, or undefined when it was not recognised. */
    recognisedPage: (id: string, pageNumber: number): PageContent | undefined => {
      const r = recognisedPage.get(id, pageNumber);
      return r && (JSON.parse(r.content_json) as PageContent);
    },
    dropPages: (id: string) => db.prepare('DELETE FROM ocr_job_pages WHERE job_id = ?').run(id),
  };
}
