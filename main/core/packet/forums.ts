// A forum profile (shared/forums) applied to the packet's input: the exhibit numbering, where the page
// number goes, slip sheets, the tab index, numbered front matter, the front matter's paper and margins. E-filing limits split the built packet
// into volumes afterwards (volumes.ts).
import { forumPagePoints, forumProfile, type ForumId, type ForumOverrides, type ForumProfile } from '../../../shared/forums/profiles';
import type { PacketInput } from './types';

export function applyForum(input: PacketInput, profile: ForumProfile): PacketInput {
  const sections = profile.tabIndex
    ? (input.sections.includes('index') || !input.sections.includes('exhibits') ? input.sections : [...input.sections.filter((s) => s !== 'exhibits'), 'index' as const, 'exhibits' as const])
    : input.sections.filter((s) => s !== 'index');
  return {
    ...input,
    labelStyle: profile.numbering.scheme === 'numbers' ? 'P-1' : 'A',
    bates: { ...input.bates, position: profile.stampPosition },
    sections,
    layout: { slipSheets: profile.slipSheets, frontMatterPaginated: profile.frontMatterPaginated, numbering: profile.numbering, page: forumPagePoints(profile.page), splitsIntoVolumes: profile.efiling.maxBytes != null || profile.efiling.maxPages != null },
  };
}

export function forumFor(choice: { id: ForumId; overrides?: ForumOverrides } | null | undefined): ForumProfile | null {
  return choice ? forumProfile(choice.id, choice.overrides ?? {}) : null;
}
