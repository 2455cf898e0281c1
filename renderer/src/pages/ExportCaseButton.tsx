// Saves the whole case as iep-casefile/export@1 JSON (the files.export byte route), the same file
// `casefile export` writes: how a case moves to another computer or into another tool.
import { useState } from 'react';
import { Button } from '../components/ui/Button';
import { downloadFile } from './packet/download';

export function ExportCaseButton({ caseId, caseName }: { caseId: string; caseName: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    downloadFile('files.export', { case: caseId }, `${caseName.replace(/[^\w-]+/g, '_')}.casefile.json`)
      .then(() => setError(null), (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="export-case">
      <Button variant="quiet" onPress={save} isDisabled={busy}>
        Export case (JSON)
      </Button>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
