// "Add to packet" on a red flag: the packet options take the flag's source documents as exhibits and its key in
// findingKeys, and the built packet then carries that exhibit and states that finding (and not a finding left out).
// A real store: two Prior Written Notices written here, each without a different element, imported through the real
// import; the packet built from the store and its PDF read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { importOne } from '../../../main/core/documents/import';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { packetInput } from '../../../main/core/packet/service';
import type { PacketOptionsArgs } from '../../../shared/api/packet';
import { flagsOf } from '../../../main/core/timeline/service';
import { tempDir, testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

const PARTS: Array<[string, string, string]> = [
  ['action', '1. Action', 'The district refuses your request to add a reading intervention block of 45 minutes per day for Lena.'],
  ['why', '2. Reasons', 'The team explained that Lena is making progress in the general reading program with the current supports.'],
  ['basis', '3. Records used', 'The team reviewed the following: the benchmark assessments of fall and winter and the teacher reports.'],
  ['safeguards', '4. Your rights', 'You have protection under the procedural safeguards of the IDEA. A copy of the safeguards notice is enclosed with this letter.'],
  ['sources', '5. Help', 'For help understanding this notice, contact the Valley Parent Training and Information Center at 555-014-2200.'],
  ['options', '6. Other options', 'Adding a shorter block of 20 minutes was considered but rejected since the benchmark data are rising.'],
  ['factors', '7. Other factors', "Other factors: Lena's attendance this year was considered by the team."],
];

const notice = (date: string, without: string) =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text('PRIOR WRITTEN NOTICE', 72, 60, { width: 468, align: 'center' });
    doc.font('Helvetica').fontSize(11).text(`Date: ${date}`, 72, 100);
    let y = 140;
    for (const [id, heading, text] of PARTS) {
      if (id === without) continue;
      doc.font('Helvetica-Bold').text(heading, 72, y);
      doc.font('Helvetica').text(text, 72, doc.y + 2, { width: 468 });
      y = doc.y + 16;
    }
  });

const squash = (s: string) => s.replace(/\s+/g, ' ');

async function builtText(args: PacketOptionsArgs, core: ReturnType<typeof testCore>): Promise<string> {
  const result = await buildPacketDetailed(await packetInput(core, args));
  const file = path.join(tempDir('flag-packet-'), 'packet.pdf');
  writeFileSync(file, result.pdf);
  return squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

describe("a red flag's Add to packet", () => {
  it('the built packet carries the flag\'s document as an exhibit and states its finding, and only the chosen one', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Lena Park', childName: 'Lena Park' });
    for (const [file, date, without] of [['PWN_2025-04-02.pdf', 'April 2, 2025', 'options'], ['PWN_2025-05-06.pdf', 'May 6, 2025', 'factors']]) {
      const bytes = await notice(date, without);
      const [r] = await importOne(core, c.id, { fileName: file, source: file, read: () => new Uint8Array(bytes) });
      expect(r.documentId, r.message ?? '').toBeTruthy();
    }
    const flags = flagsOf(core, c.id, false).filter((f) => f.type === 'pwn_missing_element');
    expect(flags).toHaveLength(2);
    const [chosen, other] = flags[0].description.includes('other options') ? flags : [flags[1], flags[0]];
    expect(chosen.description).toContain('other options considered');

    const base: PacketOptionsArgs = {
      caseId: c.id,
      bates: { prefix: 'PARK-', start: 1, digits: 4, position: 'bottom-right' },
      labelStyle: 'P-1',
      sections: ['cover', 'findings', 'exhibits'],
      exhibits: chosen.documentIds.map((documentId) => ({ documentId })),
    };
    const text = await builtText({ ...base, findingKeys: [chosen.key] }, core);
    expect(text).toContain(squash(chosen.description));
    expect(text).not.toContain(squash(other.description));
    // The finding's evidence resolves to the exhibit, which is in the packet with its own text.
    expect(text).toMatch(/Evidence: Exhibit P-1, PARK-0\d{3}/);
    expect(text).toContain('refuses your request to add a reading intervention block');
    expect(text).not.toContain('(not in this packet)');

    // Without a choice the findings are every open flag, as before.
    const all = await builtText(base, core);
    for (const f of flags) expect(all).toContain(squash(f.description));

    // A key that is no flag of the case is refused by name.
    await expect(packetInput(core, { ...base, findingKeys: ['vague_goal:gone'] })).rejects.toThrow(/vague_goal:gone/);
    await core.close();
  }, 120_000);
});
