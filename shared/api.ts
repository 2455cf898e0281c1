// The one API table: every call the renderer (or a test, or the CLI through core) can make, with
// its argument schema and result type. Electron IPC and the browser host both dispatch through it.
import type { z } from 'zod';
import { appApi } from './api/app';
import { casesApi } from './api/cases-api';
import { documentsApi } from './api/documents';
import type { ApiEvents } from './api/events';

export const api = {
  ...appApi,
  ...casesApi,
  ...documentsApi,
};

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiArgs<K extends ApiName> = z.input<Api[K]['args']>;
export type ApiParsedArgs<K extends ApiName> = z.output<Api[K]['args']>;
export type ApiResult<K extends ApiName> = NonNullable<Api[K]['__result']>;
export type { ApiEvents };
export type ApiEventName = keyof ApiEvents;

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
