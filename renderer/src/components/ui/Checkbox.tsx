// A real checkbox (react-aria keeps a native input for forms and screen readers) with a drawn box and
// tick, never a text glyph.
import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, type CheckboxProps as AriaCheckboxProps } from 'react-aria-components';

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children'> {
  children?: ReactNode;
}

export function Checkbox({ children, className, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className={['ui-checkbox', className].filter(Boolean).join(' ')}>
      <CheckboxBox />
      {children}
    </AriaCheckbox>
  );
}

/** The drawn box and tick. */
function CheckboxBox() {
  return (
    <span className="checkbox" aria-hidden="true">
      <svg viewBox="0 0 14 14" focusable="false">
        <polyline points="2.5 7.5 5.5 10.5 11.5 3.5" />
      </svg>
    </span>
  );
}
