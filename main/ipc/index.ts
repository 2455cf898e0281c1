// The full registry: each feature registers its handlers in its own file.
import { registerApp } from './app';
import { registerCases } from './cases';
import { registerDocuments } from './documents';
import { registerSearch } from './search';
import { registerReview } from './review';
import { registerTimeline } from './timeline';
import { registerDeadlines } from './deadlines';
import { registerLetters } from './letters';
import { registerServices } from './services';
import { registerPacket } from './packet';
import { registerDisclosure } from './disclosure';
import { registerJobs } from './jobs';
import { registerForms } from './forms';
import { registerContacts } from './contacts';
import { registerBrief } from './brief';
import { api } from '../../shared/api';
import { Registry } from './registry';

export function buildRegistry(): Registry {
  const reg = new Registry(api);
  registerApp(reg);
  registerCases(reg);
  registerDocuments(reg);
  registerSearch(reg);
  registerReview(reg);
  registerTimeline(reg);
  registerDeadlines(reg);
  registerLetters(reg);
  registerServices(reg);
  registerPacket(reg);
  registerDisclosure(reg);
  registerJobs(reg);
  registerForms(reg);
  registerContacts(reg);
  registerBrief(reg);
  return reg;
}

export { Registry };
