// search.*: full-text search over every page of every case, and the boxes of the matching words on
// one page for the viewer.
import { z } from 'zod';
import { DOC_TYPES, type BBox, type DocType } from '../domain';
import { defineCall } from './define';

const docRef = z.object({ documentId: z.string().min(1) });

export const searchArgs = z.object({
  query: z.string().trim().min(1).max(500),
  caseId: z.string().optional(),
  types: z.array(z.enum(DOC_TYPES)).optional(),
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

export interface SearchHit {
  documentId: string;
  caseId: string;
  caseName: string;
  fileName: string;
  title: string;
  type: DocType;
  date: string | null;
  page: number;
  snippet: string;
  score: number;
}

export interface SearchResult {
  /** Best first. */
  hits: SearchHit[];
  /**
   * Set when more pages match than one search ranks: the hits are the best of this many matching
   * pages, the most recently added. Null when every matching page was ranked.
   */
  rankedAmong: number | null;
}

export const searchApi = {
  'search.query': defineCall<SearchResult>()(() => searchArgs),
  /** Boxes of the words on one page that a search matches (PDF points, top-left origin), for the viewer to draw when a hit is opened. */
  'search.pageBoxes': defineCall<BBox[]>()(() => docRef.extend({ page: z.number().int().min(1), query: searchArgs.shape.query })),
};
