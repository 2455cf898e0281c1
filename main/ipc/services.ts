import { compEdCase, periodChoices, reconcileCase } from '../core/services/service';
import type { Registry } from './registry';

export function registerServices(reg: Registry): void {
  reg.register('services.periods', ({ caseId }, { core }) => periodChoices(core, caseId));
  reg.register('services.reconcile', ({ caseId, period }, { core }) => reconcileCase(core, caseId, period));
  reg.register('services.compEd', ({ caseId, period, method }, { core }) => compEdCase(core, caseId, period, method));
}
