import { compEdCase, exhibitListFile, packetCandidates, packetJob, periodChoices, reconcileCase, startPacketBuild } from '../core/packet/service';
import type { Registry } from './registry';

export function registerPacket(reg: Registry): void {
  reg.register('services.periods', ({ caseId }, { core }) => periodChoices(core, caseId));
  reg.register('services.reconcile', ({ caseId, period }, { core }) => reconcileCase(core, caseId, period));
  reg.register('services.compEd', ({ caseId, period, method }, { core }) => compEdCase(core, caseId, period, method));
  reg.register('packet.candidates', ({ caseId }, { core }) => packetCandidates(core, caseId));
  reg.register('packet.build', (args, { core }) => startPacketBuild(core, args));
  reg.register('packet.status', ({ jobId }, { core }) => packetJob(core, jobId).dto);
  reg.register('packet.cancel', ({ jobId }, { core }) => {
    const job = packetJob(core, jobId);
    job.controller.abort();
    return job.dto;
  });
  reg.register('packet.exhibitList', (args, { core }) => exhibitListFile(core, args));
}
