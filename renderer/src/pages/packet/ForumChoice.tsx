// The hearing office whose binder rules the packet follows: its numbering, where the page number goes,
// slip sheets, the tab index, numbered front matter and e-filing limits, each with its source and how far
// it is verified. The custom profile lets the user match a hearing officer's own order.
import { Input, Label, TextField } from 'react-aria-components';
import type { PacketOptionsArgs } from '../../../../shared/api/packet';
import { FORUM_IDS, FORUM_PROFILES, forumProfile, type ForumId, type ForumOverrides } from '../../../../shared/forums/profiles';
import type { SourceTag } from '../../../../shared/deadlines/types';
import { Checkbox } from '../../components/ui/Checkbox';
import { ChoiceSelect } from '../documents/ChoiceSelect';

export type ForumState = { id: ForumId | 'none'; overrides: ForumOverrides; maxPages: string; maxMb: string };
export const NO_FORUM: ForumState = { id: 'none', overrides: {}, maxPages: '', maxMb: '' };

const TAG_WORDS: Record<SourceTag, string> = { P: 'verified (primary text read)', S: 'secondary source', K: 'unverified', X: 'unverified (no source found)' };
const POSITION_WORDS: Record<string, string> = { 'bottom-right': 'bottom right', 'bottom-left': 'bottom left', 'bottom-center': 'bottom center', 'top-right': 'top right' };

/** The forum part of the packet options, or a problem to show. */
export function forumArg(f: ForumState): { forum: PacketOptionsArgs['forum']; problem: string | null } {
  if (f.id === 'none') return { forum: null, problem: null };
  const pages = f.maxPages.trim() ? Number(f.maxPages) : null;
  const mb = f.maxMb.trim() ? Number(f.maxMb) : null;
  if (pages !== null && !(Number.isInteger(pages) && pages >= 10)) return { forum: null, problem: 'The page limit must be a whole number from 10.' };
  if (mb !== null && !(mb >= 0.1)) return { forum: null, problem: 'The size limit must be at least 0.1 MB.' };
  const efiling = { ...(pages !== null ? { maxPages: pages } : {}), ...(mb !== null ? { maxBytes: Math.round(mb * 1_000_000) } : {}) };
  return { forum: { id: f.id, overrides: { ...f.overrides, ...(Object.keys(efiling).length ? { efiling } : {}) } }, problem: null };
}

export function ForumChoice({ value, onChange }: { value: ForumState; onChange(v: ForumState): void }) {
  const profile = value.id === 'none' ? null : forumProfile(value.id, value.overrides);
  const set = (o: ForumOverrides) => onChange({ ...value, overrides: { ...value.overrides, ...o } });
  return (
    <fieldset className="forum-choice">
      <legend>Hearing office</legend>
      <ChoiceSelect<ForumId | 'none'>
        label="Binder rules"
        value={value.id}
        choices={[{ id: 'none', label: 'None (the settings here)' }, ...FORUM_IDS.map((id) => ({ id, label: FORUM_PROFILES[id].name }))]}
        onChange={(id) => onChange({ ...NO_FORUM, id })}
      />
      {profile && (
        <>
          <ul className="small" aria-label="The forum's binder rules">
            <li>Exhibits numbered {profile.numbering.partyPrefix ? `${profile.numbering.partyPrefix}-` : ''}{profile.numbering.scheme === 'numbers' ? '1, 2, 3 …' : 'A, B, C …'}; page numbers at the {POSITION_WORDS[profile.stampPosition]}.</li>
            <li>{profile.slipSheets ? 'A slip sheet before each exhibit' : 'No slip sheets'}; {profile.tabIndex ? 'an exhibit (tab) index' : 'no exhibit index'}; front matter {profile.frontMatterPaginated ? 'numbered' : 'not numbered'}.</li>
            <li>E-filing: {profile.efiling.maxPages == null && profile.efiling.maxBytes == null ? 'no limit known' : [profile.efiling.maxPages != null ? `at most ${profile.efiling.maxPages} pages` : '', profile.efiling.maxBytes != null ? `at most ${(profile.efiling.maxBytes / 1_000_000).toFixed(1)} MB` : ''].filter(Boolean).join(' and ') + ' per file: split into volumes'}.</li>
            <li>Exhibits and witnesses disclosed {profile.disclosureBusinessDays} business days before the hearing.</li>
          </ul>
          <details>
            <summary className="small">Sources ({TAG_WORDS[profile.confidence]})</summary>
            <ul className="small" aria-label="Sources of the forum's rules">
              {profile.sources.map((s) => (
                <li key={s.citation + s.says}>
                  {s.says} <em>{s.citation}</em> — {TAG_WORDS[s.tag]}
                </li>
              ))}
              {profile.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
          {value.id === 'custom' && (
            <div className="field-row wrap">
              <ChoiceSelect<'numbers' | 'letters'> label="Numbering" value={profile.numbering.scheme} choices={[{ id: 'numbers', label: 'Numbers' }, { id: 'letters', label: 'Letters' }]} onChange={(scheme) => set({ numbering: { ...profile.numbering, scheme } })} />
              <TextField value={profile.numbering.partyPrefix} onChange={(p) => set({ numbering: { ...profile.numbering, partyPrefix: p.replace(/[^A-Za-z]/g, '').slice(0, 6) } })} className="narrow">
                <Label>Party prefix</Label>
                <Input />
              </TextField>
              <Checkbox isSelected={profile.slipSheets} onChange={(slipSheets) => set({ slipSheets })}>Slip sheets</Checkbox>
              <Checkbox isSelected={profile.tabIndex} onChange={(tabIndex) => set({ tabIndex })}>Exhibit index</Checkbox>
              <Checkbox isSelected={profile.frontMatterPaginated} onChange={(frontMatterPaginated) => set({ frontMatterPaginated })}>Number the front matter</Checkbox>
            </div>
          )}
          <div className="field-row wrap">
            <TextField value={value.maxPages} onChange={(maxPages) => onChange({ ...value, maxPages })} inputMode="numeric" className="narrow">
              <Label>Page limit per file</Label>
              <Input placeholder="none" />
            </TextField>
            <TextField value={value.maxMb} onChange={(maxMb) => onChange({ ...value, maxMb })} inputMode="decimal" className="narrow">
              <Label>Size limit per file (MB)</Label>
              <Input placeholder="none" />
            </TextField>
          </div>
        </>
      )}
    </fieldset>
  );
}
