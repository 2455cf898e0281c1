import { Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { Button } from '../../components/ui/Button';

/** A labelled react-aria Select over a fixed list of string choices. */
export function ChoiceSelect<V extends string>({
  label,
  value,
  choices,
  onChange,
  hideLabel = false,
  className,
}: {
  label: string;
  value: V;
  choices: { id: V; label: string }[];
  onChange(v: V): void;
  hideLabel?: boolean;
  className?: string;
}) {
  return (
    <Select value={value} onChange={(k) => k !== null && onChange(String(k) as V)} className={`choice ${className ?? ''}`} aria-label={hideLabel ? label : undefined}>
      <Label className={hideLabel ? 'sr-only' : undefined}>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true"> ▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={choices}>
          {(c) => (
            <ListBoxItem id={c.id} className="listbox-item">
              {c.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
