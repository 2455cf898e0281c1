// Words on screen: counted nouns ("1 goal", "3 goals", never "goal(s)"), and review values shown by
// their label ("Annual", "Increase") while the stored value stays the data word.
import { describe, expect, it } from 'vitest';
import { counted } from '../../../renderer/src/components/words';
import { displayValue, parseInput } from '../../../renderer/src/pages/review/fields';

describe('counted nouns', () => {
  it('says one for one and the plural otherwise', () => {
    expect(counted(1, 'goal')).toBe('1 goal');
    expect(counted(0, 'goal')).toBe('0 goals');
    expect(counted(3, 'service line')).toBe('3 service lines');
    expect(counted(1, 'witness', 'witnesses')).toBe('1 witness');
    expect(counted(2, 'witness', 'witnesses')).toBe('2 witnesses');
  });
});

describe('review values on screen', () => {
  it("shows an IEP's type and a goal's direction by their labels", () => {
    expect(displayValue({ entity: 'iep', field: 'type', kind: 'text', value: 'annual' })).toBe('Annual');
    expect(displayValue({ entity: 'iep', field: 'type', kind: 'text', value: 'reevaluation' })).toBe('Reevaluation');
    expect(displayValue({ entity: 'goal', field: 'direction', kind: 'direction', value: 'increase' })).toBe('Increase');
    expect(displayValue({ entity: 'goal', field: 'direction', kind: 'direction', value: 'decrease' })).toBe('Decrease');
  });

  it('leaves other text as read and an unknown word as it is', () => {
    expect(displayValue({ entity: 'goal', field: 'area', kind: 'text', value: 'annual' })).toBe('annual');
    expect(displayValue({ entity: 'iep', field: 'type', kind: 'text', value: 'special' })).toBe('special');
    expect(displayValue({ entity: 'iep', field: 'meetingDate', kind: 'date', value: '2023-10-10' })).toBe('Oct 10, 2023');
  });

  it('stores the data word, not the label', () => {
    expect(parseInput('direction', 'increase')).toBe('increase');
  });
});
