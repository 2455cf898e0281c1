// The app's keyboard shortcuts, in one place: the global key handler and the "?" overlay read them here.
import { useSyncExternalStore } from 'react';

export const SHORTCUTS: { keys: string; what: string; where: string }[] = [
  { keys: 'Ctrl+K (⌘K)', what: 'Command palette: commands, cases and page text', where: 'Everywhere' },
  { keys: '?', what: 'This list of shortcuts', where: 'Everywhere' },
  { keys: 'Ctrl+, (⌘,)', what: 'Settings', where: 'Everywhere' },
  { keys: 'Alt+1 … Alt+9', what: 'Overview, Documents, Review, Goals, Services, Scores, Deadlines, Letters, Packet', where: 'In a case' },
  { keys: 'Alt+0', what: 'Case info', where: 'In a case' },
  { keys: 'J / K or ↓ / ↑', what: 'Next / previous field', where: 'Review' },
  { keys: 'Enter', what: 'Confirm the field', where: 'Review' },
  { keys: 'E', what: 'Edit the field', where: 'Review' },
  { keys: 'Delete', what: 'Remove the value', where: 'Review' },
  { keys: 'Escape', what: 'Close a dialog, cancel an edit', where: 'Everywhere' },
];

let open = false;
const subs = new Set<() => void>();
const set = (v: boolean) => {
  open = v;
  subs.forEach((s) => s());
};
export const openShortcuts = () => set(true);
export const closeShortcuts = () => set(false);
export function useShortcutsOpen(): boolean {
  return useSyncExternalStore(
    (cb) => {
      subs.add(cb);
      return () => subs.delete(cb);
    },
    () => open,
  );
}

/** Whether a key press is meant for a field the user is typing in. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
