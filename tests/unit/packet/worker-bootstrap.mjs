// Test-only worker entry: registers tsx in the worker so it can load the TypeScript worker source.
import { register } from 'tsx/esm/api';

register();
await import('../../../main/core/packet/worker.ts');
