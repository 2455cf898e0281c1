// A small hash router: routes survive reloads and work under app:// and http://127.0.0.1 alike.
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'settings' }
  | { page: 'forms'; familyId?: string }
  | { page: 'case'; caseId: string; section: string; rest: string[] };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings') return parts[1] === 'forms' ? { page: 'forms', familyId: parts[2] } : { page: 'settings' };
  if (parts[0] === 'case' && parts[1]) return { page: 'case', caseId: parts[1], section: parts[2] ?? 'overview', rest: parts.slice(3) };
  return { page: 'home' };
}

export function href(route: Route): string {
  if (route.page === 'settings') return '#/settings';
  if (route.page === 'forms') return `#/settings/forms${route.familyId ? '/' + encodeURIComponent(route.familyId) : ''}`;
  if (route.page === 'case') return `#/case/${encodeURIComponent(route.caseId)}/${route.section}${route.rest.map((r) => '/' + encodeURIComponent(r)).join('')}`;
  return '#/';
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
