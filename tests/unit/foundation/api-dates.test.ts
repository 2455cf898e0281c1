// Dates in API arguments: YYYY-MM-DD that names a real day, the same rule for every call that carries one.
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/api/define';
import { buildRegistry } from '../../../main/ipc';
import { testCore } from '../../support/core';

const ctx = (core: ReturnType<typeof testCore>) => ({ core, transport: 'cli' as const });

describe('API dates', () => {
  it('accepts real days, leap days in leap years only', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-12-31', '2027-06-18']) expect(isoDate.safeParse(d).success, d).toBe(true);
    for (const d of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-05', '24-01-05', '2024-01-05T00:00', ' 2024-01-05', ''])
      expect(isoDate.safeParse(d).success, d).toBe(false);
  });

  it('refuses 2023-02-29 in a case, an event and a document date through the registry, naming the field', async () => {
    const core = testCore();
    const reg = buildRegistry();
    const refused = await reg.dispatch('cases.create', { name: 'Ok', dob: '2023-02-29' }, ctx(core));
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/dob: .*not a real date/) } });
    const c = await reg.call('cases.create', { name: 'Ok', dob: '2016-02-29' }, ctx(core));
    expect(c.dob).toBe('2016-02-29');
    const event = await reg.dispatch('events.add', { caseId: c.id, type: 'evaluation_request', date: '2023-02-29', label: 'Consent' }, ctx(core));
    expect(event).toMatchObject({ ok: false, error: { message: expect.stringMatching(/date: .*not a real date/) } });
    const docs = await reg.dispatch('documents.update', { documentId: 'none', date: '2023-02-29' }, ctx(core));
    expect(docs).toMatchObject({ ok: false, error: { message: expect.stringMatching(/date: .*not a real date/) } });
  });
});
