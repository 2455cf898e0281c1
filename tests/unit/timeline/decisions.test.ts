// The user's timeline decisions (goal links by hand, dismissed flags) are stored per case, replaced
// by a second decision on the same goal or flag, and each change says case.changed for the case, so
// every open screen follows it whether the call came through the API or the command line.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { clearLinkOverride, dismissFlag, loadDismissals, loadLinkOverrides, setLinkOverride, undismissFlag } from '../../../main/core/timeline/store';
import { testCore } from '../../support/core';

describe('timeline decisions', () => {
  it('store links and dismissals per case and say case.changed for each change', () => {
    const core = testCore();
    const a = createCase(core, { name: 'Case A' }).id;
    const b = createCase(core, { name: 'Case B' }).id;
    const events: Array<{ caseId: string; what: string }> = [];
    core.on('case.changed', (e) => events.push({ caseId: e.caseId, what: e.what }));

    setLinkOverride(core, a, 'doc1#g1', 'reading');
    setLinkOverride(core, a, 'doc1#g1', null);
    setLinkOverride(core, b, 'doc2#g1', 'math');
    expect(loadLinkOverrides(core, a)).toEqual([{ goalId: 'doc1#g1', lineageKey: null }]);
    expect(loadLinkOverrides(core, b)).toEqual([{ goalId: 'doc2#g1', lineageKey: 'math' }]);
    clearLinkOverride(core, a, 'doc1#g1');
    expect(loadLinkOverrides(core, a)).toEqual([]);

    dismissFlag(core, a, 'flag-1', 'discussed at the meeting');
    dismissFlag(core, a, 'flag-1', 'resolved in the amendment');
    expect([...loadDismissals(core, a)]).toEqual([['flag-1', { reason: 'resolved in the amendment', dismissedAt: core.nowIso() }]]);
    expect(loadDismissals(core, b).size).toBe(0);
    undismissFlag(core, a, 'flag-1');
    expect(loadDismissals(core, a).size).toBe(0);

    expect(events).toEqual([
      { caseId: a, what: 'links' },
      { caseId: a, what: 'links' },
      { caseId: b, what: 'links' },
      { caseId: a, what: 'links' },
      { caseId: a, what: 'flags' },
      { caseId: a, what: 'flags' },
      { caseId: a, what: 'flags' },
    ]);
  });
});
