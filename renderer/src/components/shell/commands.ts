// What the command palette can do, built from where the user is: app commands everywhere, and in a
// case its sections, import, packet, letters, a deadline event and the trash. Each command names
// its shortcut, if it has one, so the palette and the "?" overlay show the same keys.
import type { LetterTemplateDto } from '../../../../shared/api/letters';
import { invoke } from '../../api/client';
import { queryClient } from '../../api/queries';
import { caseSections } from '../../pages/sections';
import { navigate } from '../../router';
import { moveCaseToTrash } from '../home/case-actions';
import { openShortcuts } from './shortcuts';
import { showToast } from './toasts';

export interface Command {
  id: string;
  title: string;
  group: 'Go to' | 'This case' | 'App';
  shortcut?: string;
  run(): void;
}

/** The sections in the order of the case's navigation, with their Alt+digit shortcut. */
export const SECTION_SHORTCUTS = [...caseSections.map((s) => ({ id: s.id, label: s.label })), { id: 'info', label: 'Case info' }].map((s, i) => ({ ...s, key: String((i + 1) % 10) }));

/** Focuses the first element matching `selector` once the section that holds it has rendered. */
export function focusWhenShown(selector: string, tries = 120): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) return el.focus();
  if (tries > 0) requestAnimationFrame(() => focusWhenShown(selector, tries - 1));
}

const THEMES = [
  { theme: 'light', title: 'Switch to light theme' },
  { theme: 'dark', title: 'Switch to dark theme' },
  { theme: 'system', title: 'Theme: follow the system' },
] as const;

export function appCommands(): Command[] {
  return [
    { id: 'app:new-case', title: 'New case', group: 'App', run: () => (window.location.hash = '#/new') },
    { id: 'app:cases', title: 'Go to all cases', group: 'App', run: () => navigate({ page: 'home' }) },
    { id: 'app:settings', title: 'Open settings', group: 'App', shortcut: 'Ctrl+,', run: () => navigate({ page: 'settings' }) },
    { id: 'app:forms', title: 'Open forms (what your corrections taught)', group: 'App', run: () => navigate({ page: 'forms' }) },
    { id: 'app:shortcuts', title: 'Show keyboard shortcuts', group: 'App', shortcut: '?', run: openShortcuts },
    ...THEMES.map(({ theme, title }) => ({
      id: `app:theme:${theme}`,
      title,
      group: 'App' as const,
      run: () =>
        void invoke('settings.update', { theme })
          .then((s) => {
            document.documentElement.dataset.theme = s.theme;
            void queryClient.invalidateQueries({ queryKey: ['settings'] });
          })
          .catch((e: Error) => showToast(`The theme was not changed: ${e.message}`)),
    })),
  ];
}

export function caseCommands(c: { id: string; name: string }, templates: LetterTemplateDto[]): Command[] {
  const go = (section: string, rest: string[] = []) => navigate({ page: 'case', caseId: c.id, section, rest });
  return [
    ...SECTION_SHORTCUTS.map((s) => ({ id: `go:${s.id}`, title: `Go to ${s.label}`, group: 'Go to' as const, shortcut: `Alt+${s.key}`, run: () => go(s.id) })),
    {
      id: 'case:import',
      title: 'Import documents…',
      group: 'This case',
      run: () => {
        go('documents');
        focusWhenShown('.import-buttons button.primary');
      },
    },
    {
      id: 'case:packet',
      title: 'Build packet',
      group: 'This case',
      run: () => {
        go('packet');
        focusWhenShown('.build-panel button.primary');
      },
    },
    ...templates.map((t) => ({ id: `case:letter:${t.id}`, title: `Draft letter: ${t.title}`, group: 'This case' as const, run: () => go('letters', ['new', t.id]) })),
    {
      id: 'case:event',
      title: 'Add deadline event',
      group: 'This case',
      run: () => {
        go('deadlines');
        focusWhenShown('form.event-form input');
      },
    },
    {
      id: 'case:trash',
      title: `Move "${c.name}" to the trash`,
      group: 'This case',
      run: () =>
        void moveCaseToTrash(c, () => go('overview'))
          .then(() => navigate({ page: 'home' }))
          .catch((e: Error) => showToast(e.message)),
    },
  ];
}
