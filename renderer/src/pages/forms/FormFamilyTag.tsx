// The form family a document belongs to (issue 18), as a tag in a document's header: its name and
// how many documents of how many cases share it, linking to the Forms page.
import { useDocumentFamily } from '../../api/queries';
import { href } from '../../router';

export function familyCounts(f: { documentCount: number; caseCount: number }): string {
  const docs = `${f.documentCount} ${f.documentCount === 1 ? 'document' : 'documents'}`;
  return `${docs} in ${f.caseCount} ${f.caseCount === 1 ? 'case' : 'cases'}`;
}

export function FormFamilyTag({ caseId, documentId }: { caseId: string; documentId: string }) {
  const family = useDocumentFamily(caseId, documentId).data;
  if (!family) return null;
  return (
    <a className="tag form-family" href={href({ page: 'forms', familyId: family.id })} aria-label={`Form: ${family.name}, ${familyCounts(family)}. Open the Forms page`}>
      Form: {family.name} <span className="muted">· {familyCounts(family)}</span>
    </a>
  );
}
