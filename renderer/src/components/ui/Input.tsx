// A labelled text field: label, input (or a text area), a description and the field's own error.
import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextFieldProps extends AriaTextFieldProps {
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  /** Rows of a multi-line field; a one-line input without. */
  rows?: number;
}

export function TextField({ label, description, placeholder, rows, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props}>
      <Label>{label}</Label>
      {rows ? <TextArea rows={rows} placeholder={placeholder} /> : <Input placeholder={placeholder} />}
      {description && (
        <Text slot="description" className="muted small">
          {description}
        </Text>
      )}
      <FieldError className="error small" />
    </AriaTextField>
  );
}
