import { pageBoxes, search } from '../core/search/service';
import type { Registry } from './registry';

export function registerSearch(reg: Registry): void {
  reg.register('search.query', (args, { core }) => search(core, args));
  reg.register('search.pageBoxes', ({ documentId, page, query }, { core }) => pageBoxes(core, documentId, page, query));
}
