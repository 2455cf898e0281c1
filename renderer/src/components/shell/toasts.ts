// Short notes at the bottom of the window after an action, each with an optional undo. A small
// store outside React, so any handler (a delete in a section, a palette command) can show one.
import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run(): void | Promise<void> };
}

const TOAST_MS = 10_000;
let toasts: Toast[] = [];
let next = 1;
const subscribers = new Set<() => void>();
const publish = () => subscribers.forEach((s) => s());

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  publish();
}

/** Shows a note; with an action (Undo), the note stays long enough to use it. */
export function showToast(message: string, action?: Toast['action']): number {
  const id = next++;
  toasts = [...toasts.slice(-2), { id, message, action }];
  publish();
  setTimeout(() => dismissToast(id), TOAST_MS);
  return id;
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => toasts,
  );
}
