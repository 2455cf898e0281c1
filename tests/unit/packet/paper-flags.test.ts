// `casefile packet --paper letter|a4|legal --margin INCHES`: the front matter's paper and margins,
// overriding the forum profile's; exhibits keep their own pages. The real command on a real case
// (one letter-size page written here, imported), the packet read back with pdf.js: page sizes, where
// the text starts, where the page-number footer and the Bates stamp sit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { openPdf } from './inspect';

async function letterPage(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const lines = ['PRIOR WRITTEN NOTICE', 'Date: 03/04/2025', 'Student: Noa Vale', 'The district proposes to add 30 minutes of speech therapy weekly.'];
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 18, size: 11, font }));
  return doc.save();
}

interface PageText {
  width: number;
  height: number;
  items: Array<{ text: string; x: number; y: number; right: number }>;
}

async function pagesOf(file: string): Promise<PageText[]> {
  const doc = await openPdf(readFileSync(file));
  const out: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const items = (content.items as Array<{ str: string; transform: number[]; width: number }>)
      .filter((i) => i.str.trim())
      .map((i) => ({ text: i.str, x: i.transform[4], y: i.transform[5], right: i.transform[4] + i.width }));
    out.push({ width: x1 - x0, height: y1 - y0, items });
  }
  return out;
}

describe('casefile packet --paper and --margin', () => {
  const dataDir = tempDir();
  const work = tempDir();
  beforeAll(async () => {
    writeFileSync(path.join(work, 'pwn.pdf'), await letterPage());
    expect(runCasefile(['cases', 'create', '--name', 'Noa Vale'], { dataDir }).code).toBe(0);
    expect(runCasefile(['import', '--case', 'Noa Vale', path.join(work, 'pwn.pdf')], { dataDir }).code).toBe(0);
  }, 120_000);

  const packet = (out: string, ...flags: string[]) => runCasefile(['packet', '--case', 'Noa Vale', '--out', out, '--bates-prefix', 'VALE-', ...flags], { dataDir, timeout: 300_000 });

  it('refuses a paper size or margin it does not know, saying what it takes', () => {
    const out = path.join(work, 'refused.pdf');
    const cases: Array<[string[], RegExp]> = [
      [['--paper', 'a5'], /--paper must be letter, a4, legal \(got "a5"\)/],
      [['--margin', '3'], /--margin takes inches from 0\.25 to 2, e\.g\. 1 or 0\.75 \(got "3"\)/],
      [['--margin', 'wide'], /--margin takes inches from 0\.25 to 2/],
      [['--margin', '0.1'], /--margin takes inches from 0\.25 to 2/],
    ];
    for (const [flags, message] of cases) {
      const r = packet(out, ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('A4 with 1.5-inch margins: the front matter on A4, its text inside the margins, the footer centred; the exhibit keeps its letter page, its stamp where --stamp says', { timeout: 300_000 }, async () => {
    const out = path.join(work, 'a4.pdf');
    const r = packet(out, '--paper', 'A4', '--margin', '1.5', '--stamp', 'top-right', '--labels', 'A');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/pagination checked/);
    // Paper and margins alone bring in no forum's other rules: --stamp and --labels hold.
    expect(r.stdout).not.toMatch(/Forum:/);
    const pages = await pagesOf(out);
    const exhibitAt = pages.findIndex((p) => p.items.some((i) => /^VALE-000001$/.test(i.text.trim())) && p.width === 612);
    expect(exhibitAt).toBeGreaterThan(0);
    const front = pages.slice(0, exhibitAt);
    const margin = 1.5 * 72;
    for (const [n, p] of front.entries()) {
      expect([p.width, p.height], `page ${n + 1}`).toEqual([595.28, 841.89]);
      const body = p.items.filter((i) => i.y > margin);
      // The body starts at the left margin and stays inside the right one.
      if (body.length) expect(Math.min(...body.map((i) => i.x)), `page ${n + 1}`).toBeGreaterThanOrEqual(margin - 0.5);
      for (const i of body) expect(i.right, `page ${n + 1}: ${i.text}`).toBeLessThanOrEqual(p.width - margin + 0.5);
    }
    // The cover's text begins exactly at the margin.
    expect(Math.min(...front[0].items.filter((i) => i.y > margin).map((i) => i.x))).toBeCloseTo(margin, 0);
    // The page-number footer: in the bottom margin, centred on the A4 width.
    const footer = front[1].items.filter((i) => i.y < margin);
    expect(footer.length).toBeGreaterThan(0);
    const [left, right] = [Math.min(...footer.map((i) => i.x)), Math.max(...footer.map((i) => i.right))];
    expect((left + right) / 2).toBeCloseTo(595.28 / 2, 0);
    // The exhibit: its own letter page, the Bates stamp at its top right (--stamp), after the slip sheet of Exhibit A (--labels).
    const exhibit = pages[exhibitAt];
    expect([exhibit.width, exhibit.height]).toEqual([612, 792]);
    expect(pages[exhibitAt - 1].items.map((i) => i.text)).toContain('EXHIBIT A');
    const stamp = exhibit.items.find((i) => i.text.trim() === 'VALE-000001')!;
    expect(stamp.y).toBeGreaterThan(792 - 36);
    expect(stamp.right).toBeGreaterThan(612 - 72);
    expect(stamp.right).toBeLessThanOrEqual(612);
  });

  it('--paper overrides a forum profile\'s letter paper and keeps its margin', { timeout: 300_000 }, async () => {
    const out = path.join(work, 'legal.pdf');
    const r = packet(out, '--forum', 'ca-oah', '--paper', 'legal');
    expect(r.code, r.stderr).toBe(0);
    const pages = await pagesOf(out);
    expect([pages[0].width, pages[0].height]).toEqual([612, 1008]);
    expect(Math.min(...pages[0].items.filter((i) => i.y > 72).map((i) => i.x))).toBeCloseTo(72, 0); // ca-oah: 1 inch
    expect(pages.some((p) => p.width === 612 && p.height === 792)).toBe(true); // the exhibit, as it came
  });

  it('a split packet: the exhibit longer than a volume runs on as continued, and every volume\'s index is on the chosen paper', { timeout: 300_000 }, async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let n = 1; n <= 40; n++) doc.addPage([612, 792]).drawText(`Service log entry sheet ${n} of 40`, { x: 72, y: 720, size: 11, font });
    const log = path.join(work, 'service-log.pdf');
    writeFileSync(log, await doc.save());
    expect(runCasefile(['import', '--case', 'Noa Vale', log], { dataDir }).code).toBe(0);
    const out = path.join(work, 'split.pdf');
    const r = packet(out, '--paper', 'a4', '--max-pages', '25');
    expect(r.code, r.stderr).toBe(0);
    const written = [...r.stdout.matchAll(/Wrote (\S+-vol(\d+)\.pdf): volume \d+ of (\d+)/g)];
    expect(written.length).toBeGreaterThanOrEqual(2);
    let continued = 0;
    for (const [, file] of written) {
      const pages = await pagesOf(file);
      expect(pages.length).toBeLessThanOrEqual(25);
      const indexPage = pages.find((p) => p.items.some((i) => i.text.includes('Combined Exhibit Index')))!;
      expect([indexPage.width, indexPage.height]).toEqual([595.28, 841.89]);
      if (pages.some((p) => p.items.some((i) => i.text === '(continued)') && p.items.some((i) => /^EXHIBIT /.test(i.text)))) continued++;
    }
    expect(continued).toBeGreaterThanOrEqual(1);
  });
});
