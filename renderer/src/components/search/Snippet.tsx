// Search snippets mark hits with \u0002 ... \u0003. They become <mark> elements as React children,
// never HTML, so page text can never inject markup.
import type { ReactNode } from 'react';

const OPEN = String.fromCharCode(2);
const CLOSE = String.fromCharCode(3);

export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  // Every OPEN starts a hit that runs to the next CLOSE; text outside them is plain.
  for (const [i, chunk] of snippet.split(OPEN).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk.split(CLOSE).join(''), hit: false });
      continue;
    }
    const close = chunk.indexOf(CLOSE);
    const hit = close < 0 ? chunk : chunk.slice(0, close);
    const after = close < 0 ? '' : chunk.slice(close + 1).split(CLOSE).join('');
    if (hit) parts.push({ text: hit, hit: true });
    if (after) parts.push({ text: after, hit: false });
  }
  return parts;
}

export function Snippet({ snippet }: { snippet: string }): ReactNode {
  return (
    <span className="snippet">
      {snippetParts(snippet).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

/** The plain text of a snippet, for screen-reader labels. */
export function snippetText(snippet: string): string {
  return snippet.split(OPEN).join('').split(CLOSE).join('');
}
