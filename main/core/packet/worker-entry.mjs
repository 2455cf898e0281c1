// worker_threads entry for the packet builder when the engine runs from its TypeScript sources (the
// tests, CASEFILE_FROM_SOURCE=1): loads the worker through tsx. The bundles have their own
// packet-worker.cjs (worker-host.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
