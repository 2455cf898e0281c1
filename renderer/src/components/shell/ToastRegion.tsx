import { useState } from 'react';
import { Button } from '../ui/Button';
import { dismissToast, useToasts, type Toast } from './toasts';

function ToastItem({ toast }: { toast: Toast }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="toast">
      <span>{error ?? toast.message}</span>
      {toast.action && !error && (
        <Button
          className="toast-action"
          onPress={async () => {
            try {
              await toast.action!.run();
              dismissToast(toast.id);
            } catch (e) {
              setError(`${toast.action!.label} failed: ${(e as Error).message}`);
            }
          }}
        >
          {toast.action.label}
        </Button>
      )}
      <Button className="quiet toast-close" aria-label="Dismiss" onPress={() => dismissToast(toast.id)}>
        ×
      </Button>
    </li>
  );
}

/** The live region the notes appear in; screen readers read each as it comes. */
export function ToastRegion() {
  const toasts = useToasts();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.length > 0 && (
        <ul aria-label="Notifications">
          {toasts.map((t) => (
            <ToastItem key={t.id} toast={t} />
          ))}
        </ul>
      )}
    </div>
  );
}
