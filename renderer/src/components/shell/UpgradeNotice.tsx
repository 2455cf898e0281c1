// After an upgrade that reads stored pages again (a new page reading), says what it changed: the
// documents read again, the extracted values that came out different, and that the user's
// corrections were kept. The engine re-reads in the background after start, so the notice is asked
// for again as documents are re-extracted (case.changed), and stays until dismissed.
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../ui/Button';
import type { UpgradeNoticeDto } from '../../../../shared/api/app';
import { invoke, on } from '../../api/client';
import { counted } from '../words';

export function UpgradeNotice() {
  const [notice, setNotice] = useState<UpgradeNoticeDto | null>(null);
  const refresh = useCallback(() => {
    invoke('app.upgradeNotice')
      .then(setNotice)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    refresh();
    return on('case.changed', (e) => {
      if (e.what === 'extraction') refresh();
    });
  }, [refresh]);
  if (!notice || notice.documents.length === 0) return null;
  const dismiss = () => {
    setNotice(null);
    invoke('app.dismissUpgradeNotice').catch(() => undefined);
  };
  const names = notice.documents.slice(0, 5).map((d) => d.fileName);
  const more = notice.documents.length - names.length;
  return (
    <section className="banner upgrade-notice" role="status" aria-label="What the update changed">
      <p>
        This version reads pages more accurately, so {counted(notice.documents.length, 'document was', 'documents were')} read again:{' '}
        {names.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}. {notice.valuesChanged === 0 ? 'No extracted value changed' : `${counted(notice.valuesChanged, 'extracted value')} changed`};{' '}
        {notice.correctionsKept === 0 ? 'you had no corrections on them.' : `your ${counted(notice.correctionsKept, 'correction')} ${notice.correctionsKept === 1 ? 'was' : 'were'} kept.`}
      </p>
      <Button onPress={dismiss}>Dismiss</Button>
    </section>
  );
}
