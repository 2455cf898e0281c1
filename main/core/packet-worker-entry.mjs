// worker_threads entry for the packet builder: loads the TypeScript worker through tsx, as the
// CLI and the browser host load everything else.
import { register } from 'tsx/esm/api';

register();
await import('./packet/worker.ts');
