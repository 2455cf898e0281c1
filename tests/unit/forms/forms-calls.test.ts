// The forms.* calls through the API table (validation, the case check) on a real store: rename,
// disable and enable, delete; a correction of another case's document is refused by name.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { buildRegistry } from '../../../main/ipc';
import type { CallContext } from '../../../main/ipc/registry';
import { getReview } from '../../../main/core/review/service';
import { tempDir, testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { correctEachMissedField, formDocument } from './form-family';

const core = testCore();
afterAll(() => core.close());
const reg = buildRegistry();
const ctx = { core, transport: 'cli' } as CallContext;

it('renames a family, disables and enables an anchor, deletes it; refuses a correction from another case', async () => {
  const a = createCase(core, { name: 'A' });
  const other = createCase(core, { name: 'B' });
  const dir = tempDir('forms-calls-');
  const docs: Array<{ id: string; truth: Awaited<ReturnType<typeof formDocument>>['truth'] }> = [];
  for (const seed of [1, 2]) {
    const { pdf, truth } = await formDocument('harbor', seed);
    writeFileSync(path.join(dir, truth.fileName), pdf);
    docs.push({ id: await importAndExtract(core, a.id, dir, truth.fileName), truth });
  }
  const [dateFix] = correctEachMissedField(core, docs[0].id, docs[0].truth);
  await expect(reg.call('forms.previewApply', { caseId: other.id, correctionId: dateFix }, ctx)).rejects.toThrow(/belongs to the case "A", not "B"/);
  await expect(reg.call('forms.previewApply', { caseId: a.id }, ctx)).rejects.toThrow(/forms.previewApply/);
  const preview = await reg.call('forms.previewApply', { caseId: a.id, correctionId: dateFix }, ctx);
  expect(preview.items.map((i) => [i.fileName, i.value, i.action])).toEqual([[docs[1].truth.fileName, docs[1].truth.reportDate, 'fill']]);
  const anchorId = preview.anchor!.id;
  expect(await reg.call('forms.apply', { anchorId }, ctx)).toEqual({ anchorId, documentsFilled: 1, valuesFilled: 1, otherDocumentsFilled: 1, otherValuesFilled: 1 });
  const date = () => getReview(core, docs[1].id).corrected?.progressReport?.reportDate ?? null;
  expect(date()).toBe(docs[1].truth.reportDate);

  const fam = await reg.call('forms.forDocument', { caseId: a.id, documentId: docs[1].id }, ctx);
  expect((await reg.call('forms.rename', { familyId: fam!.id, name: '  Harbor report  ' }, ctx)).name).toBe('Harbor report');
  expect((await reg.call('forms.list', {}, ctx)).map((f) => f.name)).toEqual(['Harbor report']);

  expect((await reg.call('forms.disable', { anchorId, disabled: true }, ctx)).enabled).toBe(false);
  expect(date()).toBeNull();
  await expect(reg.call('forms.apply', { anchorId }, ctx)).rejects.toThrow(/disabled/);
  expect((await reg.call('forms.disable', { anchorId, disabled: false }, ctx)).enabled).toBe(true);
  expect(date()).toBe(docs[1].truth.reportDate);

  expect(await reg.call('forms.delete', { anchorId }, ctx)).toEqual({ anchorId, valuesRemoved: 1 });
  expect(date()).toBeNull();
  await expect(reg.call('forms.undo', { anchorId }, ctx)).rejects.toThrow(/No learned anchor/);
}, 120_000);
