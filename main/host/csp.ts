// One Content-Security-Policy for the browser host and the Electron app:// protocol.
import { createHash } from 'node:crypto';

/**
 * The one inline <style> the UI library adds (react-aria's usePress: touch-action for pressable
 * elements), allowed by its hash; no other inline style element is ('unsafe-inline' is gone). If
 * react-aria changes the rule, tests/e2e/csp.e2e.ts reports the violation and this text is updated.
 */
export const REACT_ARIA_PRESSABLE_STYLE = '@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}';
const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${styleHash(REACT_ARIA_PRESSABLE_STYLE)}`,
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
