import { z } from 'zod';
import { DOC_TYPES, IEP_SUBTYPES, type DocType, type IepSubtype, type PageContent } from '../domain';
import { defineCall, isoDate } from './define';

export interface DocumentDto {
  id: string;
  caseId: string;
  sha256: string;
  fileName: string;
  title: string;
  sourcePath: string | null;
  /** Path inside the zip archive it came from. */
  archivePath: string | null;
  /** The email a document was attached to. */
  parentDocumentId: string | null;
  format: string;
  pageCount: number;
  textSource: 'text_layer' | 'ocr' | 'mixed' | null;
  type: DocType;
  typeConfidence: number;
  typeByUser: boolean;
  subtype: IepSubtype | null;
  date: string | null;
  dateConfidence: number;
  dateByUser: boolean;
  meta: Record<string, unknown>;
  status: 'ready' | 'ocr_pending' | 'ocr_running' | 'failed';
  error: string | null;
  createdAt: string;
  deletedAt: string | null;
  lowConfidencePages: number[];
}

export interface PageDto extends PageContent {
  needsReview: boolean;
}

/** `skipped`: a link in a chosen folder not followed on purpose (a loop, a way out of the folder, a folder read already); not a failure. */
export type ImportFileStatus = 'queued' | 'reading' | 'ocr' | 'imported' | 'duplicate' | 'skipped' | 'failed' | 'cancelled';

export interface ImportFileResult {
  fileName: string;
  /** Where the file was: its path, or its path inside an archive. */
  source: string;
  status: ImportFileStatus;
  documentId: string | null;
  message: string | null;
  /** A password would open it (encrypted PDF). */
  needsPassword?: boolean;
}

export interface ImportBatchDto {
  jobId: string;
  caseId: string;
  done: boolean;
  cancelled: boolean;
  files: ImportFileResult[];
}

const caseId = z.string().min(1);
const docRef = z.object({ documentId: z.string().min(1) });

export const importArgs = z.lazy(() => z.object({
  caseId,
  /** Files or folders on this computer (desktop app and CLI only). */
  paths: z.array(z.string().min(1)).max(10_000).optional(),
  /** Files sent to the browser host with POST /api/upload. */
  uploads: z.array(z.object({ uploadId: z.string().min(1), fileName: z.string().min(1).max(500), relativePath: z.string().max(2000).optional() })).max(10_000).optional(),
  /** Password for an encrypted PDF, retried one file at a time. */
  password: z.string().max(500).optional(),
}));

export const documentsApi = {
  'documents.list': defineCall<DocumentDto[]>()(() => z.object({ caseId, includeDeleted: z.boolean().optional() })),
  'documents.get': defineCall<DocumentDto>()(() => docRef),
  'documents.pages': defineCall<PageDto[]>()(() => docRef),
  'documents.page': defineCall<PageDto>()(() => docRef.extend({ page: z.number().int().min(1) })),
  'documents.import': defineCall<ImportBatchDto>()(() => importArgs),
  'documents.importStatus': defineCall<ImportBatchDto>()(() => z.object({ jobId: z.string() })),
  'documents.cancelImport': defineCall<ImportBatchDto>()(() => z.object({ jobId: z.string() })),
  'documents.update': defineCall<DocumentDto>()(
    () => docRef.extend({
      title: z.string().trim().min(1).max(300).optional(),
      type: z.enum(DOC_TYPES).optional(),
      subtype: z.enum(IEP_SUBTYPES).nullable().optional(),
      date: isoDate.nullable().optional(),
    }),
  ),
  'documents.trash': defineCall<DocumentDto>()(() => docRef),
  'documents.restore': defineCall<DocumentDto>()(() => docRef),
  'documents.reprocess': defineCall<DocumentDto>()(() => docRef),
};
export type { IepSubtype };
