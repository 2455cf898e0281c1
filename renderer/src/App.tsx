import { useEffect, useState } from 'react';
import { Link } from 'react-aria-components';
import { invoke, on } from './api/client';
import { CommandPalette } from './components/search/CommandPalette';
import { ShortcutsOverlay } from './components/shell/ShortcutsOverlay';
import { ToastRegion } from './components/shell/ToastRegion';
import { UpgradeNotice } from './components/shell/UpgradeNotice';
import { CaseListPage } from './pages/CaseListPage';
import { CasePage } from './pages/CasePage';
import { SettingsPage } from './pages/SettingsPage';
import { FormsPage } from './pages/forms/FormsPage';
import { useRoute } from './router';

function useTheme() {
  useEffect(() => {
    invoke('settings.get')
      .then((s) => {
        document.documentElement.dataset.theme = s.theme;
      })
      .catch(() => undefined);
  }, []);
}

export function App() {
  const route = useRoute();
  const [hostError, setHostError] = useState<string | null>(null);
  useTheme();
  // Desktop app: the engine process stopped and is restarting (or gave up); say so until it is back.
  const [engineNote, setEngineNote] = useState<string | null>(null);
  useEffect(() => {
    invoke('app.info').catch((e: Error) => setHostError(e.message));
    return on('app.engine', (s) => setEngineNote(s.state === 'running' ? null : s.message));
  }, []);
  return (
    <div className="app">
      <header className="topbar">
        <Link href="#/" className="brand">
          IEP Casefile
        </Link>
        <nav aria-label="App">
          <Link href="#/">Cases</Link>
          <Link href="#/settings">Settings</Link>
        </nav>
      </header>
      {hostError && (
        <p role="alert" className="banner error">
          {hostError}
        </p>
      )}
      {engineNote && (
        <p role="alert" className="banner error">
          {engineNote}
        </p>
      )}
      <UpgradeNotice />
      <main className="content">
        {route.page === 'home' && <CaseListPage />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'forms' && <FormsPage familyId={route.familyId} />}
        {/* Keyed on the case: moving to another case starts every section, form and editor afresh, so
            nothing loaded for one case (a form's fields, a draft, chosen exhibits) is shown or saved as another's. */}
        {route.page === 'case' && <CasePage key={route.caseId} caseId={route.caseId} section={route.section} rest={route.rest} />}
      </main>
      <CommandPalette />
      <ShortcutsOverlay />
      <ToastRegion />
    </div>
  );
}
