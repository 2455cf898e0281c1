// One modal form dialog for the whole app: its trigger, a title, the fields, the error where the work
// was, and Cancel beside the submit button. The caller keeps its state and does the work in onSubmit
// (calling close when it is done).
import type { ReactNode } from 'react';
import { DialogTrigger, Form } from 'react-aria-components';
import { ErrorText } from './ErrorText';
import { Button } from './ui/Button';
import { Dialog } from './ui/Dialog';

interface FormDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  /** The dialog's accessible name when it should differ from the title. */
  ariaLabel?: string;
  submitLabel: string;
  /** The submit button's look: 'primary' (default), 'danger-fill'. */
  submitClass?: string;
  submitDisabled?: boolean;
  error: string | null;
  onSubmit(form: HTMLFormElement, close: () => void): void | Promise<void>;
  children: ReactNode;
  isOpen?: boolean;
  onOpenChange?(open: boolean): void;
}

export function FormDialog({ trigger, title, ariaLabel, submitLabel, submitClass = 'primary', submitDisabled, error, onSubmit, children, isOpen, onOpenChange }: FormDialogProps) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      <Dialog title={title} ariaLabel={ariaLabel}>
        {({ close, titleElement }) => (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void onSubmit(e.currentTarget, close);
            }}
          >
            {titleElement}
            {children}
            <ErrorText message={error} />
            <div className="actions">
              <Button onPress={close}>Cancel</Button>
              <Button type="submit" className={submitClass} isDisabled={submitDisabled}>
                {submitLabel}
              </Button>
            </div>
          </Form>
        )}
      </Dialog>
    </DialogTrigger>
  );
}
