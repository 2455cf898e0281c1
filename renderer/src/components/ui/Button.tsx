// The app's button: react-aria's Button (press, keyboard and focus handling) in one of a few looks.
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'danger-fill' | 'quiet' | 'link';

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  default: '',
  primary: 'primary',
  danger: 'danger',
  'danger-fill': 'danger-fill',
  quiet: 'quiet',
  link: 'link-button',
};

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  className?: string;
}

export function Button({ variant = 'default', className, ...props }: ButtonProps) {
  const classes = [VARIANT_CLASS[variant], className].filter(Boolean).join(' ');
  return <AriaButton {...props} className={classes || undefined} />;
}
