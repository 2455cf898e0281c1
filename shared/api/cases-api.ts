import { defineCall } from './define';
import {
  caseRef,
  createCaseArgs,
  listCasesArgs,
  renameCaseArgs,
  updateCaseArgs,
  type CaseDto,
  type CaseSummaryDto,
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
  'cases.delete': defineCall<{ deleted: true }>()(caseRef),
};
