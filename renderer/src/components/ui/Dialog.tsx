// The modal dialog every dialog is built on: an overlay that closes on Escape or a click outside, a
// titled dialog that fits the window (it scrolls inside, never sideways). FormDialog is this with a form.
import { useId, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogProps {
  title: ReactNode;
  /** The dialog's accessible name when it should differ from the title. */
  ariaLabel?: string;
  className?: string;
  isDismissable?: boolean;
  isOpen?: boolean;
  onOpenChange?(open: boolean): void;
  children: ReactNode | ((opts: { close(): void; titleElement: ReactNode }) => ReactNode);
}

export function Dialog({ title, ariaLabel, className, isDismissable = true, isOpen, onOpenChange, children }: DialogProps) {
  const headingId = useId();
  const titleElement = (
    <Heading slot="title" id={headingId}>
      {title}
    </Heading>
  );
  return (
    <ModalOverlay className="overlay" isDismissable={isDismissable} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Modal className={['modal', className].filter(Boolean).join(' ')}>
        <AriaDialog aria-label={ariaLabel} aria-labelledby={ariaLabel ? undefined : headingId}>
          {({ close }) =>
            typeof children === 'function' ? (
              children({ close, titleElement })
            ) : (
              <>
                {titleElement}
                {children}
              </>
            )
          }
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
