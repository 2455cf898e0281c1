// The one API table: every call the renderer (or a test, or the CLI through core) can make, with
// its argument schema and result type. Electron IPC and the browser host both dispatch through it.
import type { z } from 'zod';
import { appApi } from './api/app';
import { casesApi } from './api/cases-api';
import { documentsApi } from './api/documents';
import { searchApi } from './api/search';
import { reviewApi } from './api/review';
import { timelineApi } from './api/timeline';
import { deadlinesApi } from './api/deadlines';
import { lettersApi } from './api/letters';
import { servicesApi } from './api/services';
import { packetApi } from './api/packet';
import { disclosureApi } from './api/disclosure';
import { jobsApi } from './api/jobs';
import { formsApi } from './api/forms';
import { contactsApi } from './api/contacts';
import { briefApi } from './api/brief';
import type { ApiEvents } from './api/events';
import type { CallDef } from './api/define';

export const api = {
  ...appApi,
  ...casesApi,
  ...documentsApi,
  ...searchApi,
  ...reviewApi,
  ...timelineApi,
  ...deadlinesApi,
  ...lettersApi,
  ...servicesApi,
  ...packetApi,
  ...disclosureApi,
  ...jobsApi,
  ...formsApi,
  ...contactsApi,
  ...briefApi,
};

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiArgs<K extends ApiName> = z.input<Api[K]['args']>;
export type ApiParsedArgs<K extends ApiName> = z.output<Api[K]['args']>;
export type ApiResult<K extends ApiName> = Api[K] extends CallDef<z.ZodType, infer R> ? R : never;
export type { ApiEvents };
export type ApiEventName = keyof ApiEvents;
