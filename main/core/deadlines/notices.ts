// The Prior Written Notices (and Notices of Action) in a case, each checked for the seven elements of
// 34 CFR 300.503(b) (extract/pwn.ts), read again only when the notice's pages change. Feeds the
// pwn_missing_element red flags (shared/timeline/flags-notices.ts) and the Deadlines page.
import type { CheckedNotice } from '../../../shared/timeline/flags-notices';
import type { Core } from '../context';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import { extractCorrespondence } from '../extract/correspondence';
import { checkPwn } from '../extract/pwn';
import { correspondenceOfCase, pagesStamp } from './queries';

const cache = new WeakMap<Core, Map<string, { stamp: string; check: CheckedNotice | null }>>();

function noticeOfDocument(core: Core, doc: { id: string; file_name: string }): CheckedNotice | null {
  const stamp = pagesStamp(core.db, doc.id);
  let byDoc = cache.get(core);
  if (!byDoc) cache.set(core, (byDoc = new Map()));
  const hit = byDoc.get(doc.id);
  if (hit && hit.stamp === stamp) return hit.check;
  const pages = documentQueries(core.db).pages(doc.id).map(rowToPageContent);
  const check = pages.length ? checkPwn(pages) : null;
  const notice = check?.isNotice ? { documentId: doc.id, fileName: doc.file_name, date: extractCorrespondence(pages, doc.id).date, elements: check.elements } : null;
  byDoc.set(doc.id, { stamp, check: notice });
  return notice;
}

export function noticeChecksOfCase(core: Core, caseId: string): CheckedNotice[] {
  return correspondenceOfCase(core.db, caseId)
    .map((d) => noticeOfDocument(core, d))
    .filter((n): n is CheckedNotice => !!n);
}
