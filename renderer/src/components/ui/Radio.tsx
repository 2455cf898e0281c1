// Radio buttons: react-aria's RadioGroup and Radio (native inputs underneath) with a drawn circle and
// dot, never a text glyph.
import type { ReactNode } from 'react';
import { Label, Radio as AriaRadio, RadioGroup as AriaRadioGroup, type RadioGroupProps as AriaRadioGroupProps, type RadioProps as AriaRadioProps } from 'react-aria-components';

export interface RadioGroupProps extends Omit<AriaRadioGroupProps, 'children'> {
  label?: ReactNode;
  children: ReactNode;
}

export function RadioGroup({ label, children, ...props }: RadioGroupProps) {
  return (
    <AriaRadioGroup {...props}>
      {label && <Label>{label}</Label>}
      {children}
    </AriaRadioGroup>
  );
}

export function Radio({ children, className, ...props }: Omit<AriaRadioProps, 'children'> & { children: ReactNode }) {
  return (
    <AriaRadio {...props} className={['ui-radio', className].filter(Boolean).join(' ')}>
      <span className="radio-dot" aria-hidden="true" />
      <span>{children}</span>
    </AriaRadio>
  );
}
