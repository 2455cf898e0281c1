// The palette's matching: prefixes first, then words, then the letters in order.
import { describe, expect, it } from 'vitest';
import { matchScore, rankByMatch } from '../../../renderer/src/components/search/match';

const COMMANDS = ['Go to Overview', 'Go to Documents', 'Go to Review', 'Go to Goals & timeline', 'Go to Services', 'Go to Deadlines', 'Draft letter: Records request', 'Build packet', 'Import documents…', 'New case', 'Switch to dark theme'];

describe('palette matching', () => {
  it('finds a section by the start of its name: "rev" ranks Review first', () => {
    expect(rankByMatch('rev', COMMANDS, (c) => c)[0]).toBe('Go to Review');
    expect(rankByMatch('dead', COMMANDS, (c) => c)[0]).toBe('Go to Deadlines');
    expect(rankByMatch('new', COMMANDS, (c) => c)[0]).toBe('New case');
  });

  it('takes typed words in any order, and letters in order as a last resort', () => {
    expect(rankByMatch('records letter', COMMANDS, (c) => c)).toEqual(['Draft letter: Records request']);
    expect(rankByMatch('gtl', COMMANDS, (c) => c)[0]).toBe('Go to Goals & timeline');
    expect(rankByMatch('dark', COMMANDS, (c) => c)).toEqual(['Switch to dark theme']);
  });

  it('refuses text whose letters are missing, and keeps every item for an empty query', () => {
    expect(matchScore('xyz', 'Go to Review')).toBeNull();
    expect(rankByMatch('zzz', COMMANDS, (c) => c)).toEqual([]);
    expect(rankByMatch('  ', COMMANDS, (c) => c)).toEqual(COMMANDS);
  });

  it('ranks a prefix above a match inside a word above scattered letters', () => {
    const prefix = matchScore('pac', 'Packet')!;
    const inside = matchScore('ack', 'Packet')!;
    const scattered = matchScore('pkt', 'Packet')!;
    expect(prefix).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(scattered);
  });
});
