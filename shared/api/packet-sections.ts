// The packet's sections, apart from the packet's schemas (packet.ts) so that the command line's
// help names them without building those schemas (issue 21).
export const PACKET_SECTION_IDS = ['cover', 'toc', 'findings', 'chronology', 'goals', 'scores', 'services', 'index', 'exhibits'] as const;
