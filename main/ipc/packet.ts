import { exhibitListFile, packetCandidates, packetJob, startPacketBuild } from '../core/packet/service';
import type { Registry } from './registry';

export function registerPacket(reg: Registry): void {
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
