import { z } from 'zod';
import { defineCall } from './define';
import {
  caseRef,
  createCaseArgs,
  emptyTrashArgs,
  listCasesArgs,
  renameCaseArgs,
  updateCaseArgs,
  type CaseDto,
  type CaseSummaryDto,
  type HistoryEntryDto,
} from './cases';

export const casesApi = {
  'cases.list': defineCall<CaseSummaryDto[]>()(listCasesArgs),
  'cases.create': defineCall<CaseDto>()(createCaseArgs),
  'cases.get': defineCall<CaseDto>()(caseRef),
  'cases.open': defineCall<CaseDto>()(caseRef),
  'cases.update': defineCall<CaseDto>()(updateCaseArgs),
  'cases.rename': defineCall<CaseDto>()(renameCaseArgs),
  'cases.archive': defineCall<CaseDto>()(caseRef),
  'cases.unarchive': defineCall<CaseDto>()(caseRef),
  /** Moves the case to the trash (its records stay until the trash is emptied); returns it as trashed. */
  'cases.delete': defineCall<CaseDto>()(caseRef),
  'cases.restore': defineCall<CaseDto>()(caseRef),
  'cases.trash': defineCall<CaseSummaryDto[]>()(() => z.undefined().optional()),
  /** Deletes one case in the trash for good. */
  'cases.purge': defineCall<{ purged: number }>()(caseRef),
  /** Deletes every case in the trash for good. */
  'cases.emptyTrash': defineCall<{ purged: number }>()(emptyTrashArgs),
  /** The case's append-only history, newest first. */
  'cases.history': defineCall<HistoryEntryDto[]>()(caseRef),
};
