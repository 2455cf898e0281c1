import { z } from 'zod';
import { FORUM_IDS, STAMP_POSITIONS } from '../forums/profiles';
import { defineCall, lazySchema } from './define';
import { compEdMethodSchema, periodSchema } from './services';
import { PACKET_SECTION_IDS } from './packet-sections';

export { PACKET_SECTION_IDS };
export const BATES_POSITIONS = ['bottom-right', 'bottom-left', 'bottom-center', 'top-right'] as const;

const caseRef = z.object({ caseId: z.string().min(1) });

/** The packet's options, built at their first use (the largest schema of the API table; see define.ts). */
export const packetOptionsSchema = lazySchema(() =>
  caseRef.extend({
    bates: z.object({
      prefix: z.string().trim().max(20).regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, - and _ only'),
      start: z.number().int().min(1).max(99_999_999),
      digits: z.number().int().min(1).max(10),
      position: z.enum(BATES_POSITIONS),
    }),
    labelStyle: z.enum(['P-1', 'A']),
    sections: z.array(z.enum(PACKET_SECTION_IDS)).min(1),
    exhibits: z
      .array(
        z.object({
          documentId: z.string().min(1),
          pageRange: z.tuple([z.number().int().min(1), z.number().int().min(1)]).nullable().optional(),
          label: z.string().max(20).nullable().optional(),
          description: z.string().max(500).optional(),
        }),
      )
      .max(2000),
    /** The red flags (their keys) whose findings the findings section states, in this order; without it, every open flag. */
    findingKeys: z.array(z.string().min(1).max(2000)).max(500).optional(),
    preparedBy: z.string().max(200).optional(),
    /** A hearing office's binder rules (shared/forums): numbering, stamp, slip sheets, tab index, e-filing limits, the front matter's paper and margins. */
    forum: z
      .object({
        id: z.enum(FORUM_IDS),
        overrides: z
          .object({
            numbering: z.object({ scheme: z.enum(['numbers', 'letters']).optional(), partyPrefix: z.string().trim().max(6).regex(/^[A-Za-z]*$/, 'letters only').optional() }).optional(),
            stampPosition: z.enum(STAMP_POSITIONS).optional(),
            slipSheets: z.boolean().optional(),
            tabIndex: z.boolean().optional(),
            frontMatterPaginated: z.boolean().optional(),
            efiling: z.object({ maxBytes: z.number().int().min(100_000).nullable().optional(), maxPages: z.number().int().min(10).nullable().optional() }).optional(),
            page: z.object({ size: z.enum(['letter', 'legal', 'a4']).optional(), marginInches: z.number().min(0.25).max(2).optional() }).optional(),
          })
          .optional(),
      })
      .nullable()
      .optional(),
    compEd: z.object({ period: periodSchema, method: compEdMethodSchema }).nullable().optional(),
  }),
);
export type PacketOptionsArgs = z.input<ReturnType<typeof packetOptionsSchema>>;

export interface PacketCandidateDto {
  documentId: string;
  title: string;
  fileName: string;
  type: string;
  date: string | null;
  pageCount: number;
}

export interface PacketJobDto {
  jobId: string;
  caseId: string;
  done: boolean;
  cancelled: boolean;
  error: string | null;
  fraction: number;
  message: string;
  pageCount: number | null;
  /** The PDF is built: fetch it with the files.packet byte route and this job id. */
  fileReady: boolean;
  exhibits: Array<{ label: string; description: string; date: string | null; batesFirst: string; batesLast: string }>;
  /** A packet split under the forum's e-filing limits: each volume's file is files.packet with its own job id. */
  volumes?: Array<{ number: number; jobId: string; pageCount: number; exhibits: string[]; batesFirst: string | null; batesLast: string | null }>;
}

export const packetApi = {
  'packet.candidates': defineCall<PacketCandidateDto[]>()(() => caseRef),
  'packet.build': defineCall<PacketJobDto>()(packetOptionsSchema),
  'packet.status': defineCall<PacketJobDto>()(() => z.object({ jobId: z.string().min(1) })),
  'packet.cancel': defineCall<PacketJobDto>()(() => z.object({ jobId: z.string().min(1) })),
  /** The exhibit list as CSV, and the job id whose files.packet is its PDF. */
  'packet.exhibitList': defineCall<{ csv: string; jobId: string }>()(packetOptionsSchema),
};
