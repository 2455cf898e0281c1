// A Prior Written Notice (or Notice of Action) checked for the seven elements of 34 CFR 300.503(b): each is
// present, with the sentence and page that carry it, or missing. Worded as what the notice says or does not
// say, never as whether it is legally sufficient. Pure over PageContent[]; vocabulary in vocab/correspondence.ts.
import type { PageContent } from '../../../shared/domain';
import { pageSentences, type PageSentence } from './correspondence';
import { PWN_ELEMENT_PHRASES, PWN_ELEMENTS, PWN_TITLE, SAFEGUARDS_HOW, type PwnElementId } from './vocab/correspondence';

export interface PwnElementCheck {
  id: PwnElementId;
  cite: string;
  label: string;
  present: boolean;
  /** The sentence that carries it, when present (or the nearest one, e.g. safeguards named without how to get them). */
  evidence: { page: number; sentence: string } | null;
  /** Plain words for the user: what the notice says, or what no sentence of it says. */
  finding: string;
}

export interface PwnCheck {
  /** The pages name themselves a Prior Written Notice or Notice of Action. */
  isNotice: boolean;
  elements: PwnElementCheck[];
  missing: PwnElementId[];
}

const SPECIFIC: PwnElementId[] = ['safeguards', 'sources', 'options', 'basis', 'factors'];

const quote = (s: string) => (s.length > 220 ? `${s.slice(0, 217)}...` : s);

export function isPriorWrittenNotice(pages: PageContent[]): boolean {
  return pageSentences(pages)
    .slice(0, 15)
    .some((s) => PWN_TITLE.test(s.text));
}

export function checkPwn(pages: PageContent[]): PwnCheck {
  const sentences = pageSentences(pages);
  const isNotice = sentences.slice(0, 15).some((s) => PWN_TITLE.test(s.text));
  // The title and the citation under it name the notice, not its content.
  // A heading alone ("Other factors") says nothing: evidence is a sentence of five words or more.
  const body = sentences.filter(
    (s) => !(PWN_TITLE.test(s.text) && s.text.length < 140) && !/^\(?\s*34\s*C\.?F\.?R/i.test(s.text) && s.text.split(/\s+/).filter((w) => /\w/.test(w)).length >= 5,
  );
  const claimed = new Set<PageSentence>();
  const found = new Map<PwnElementId, PageSentence>();
  for (const id of SPECIFIC) {
    const s = body.find((x) => (id === 'sources' || !claimed.has(x)) && PWN_ELEMENT_PHRASES[id].re.test(x.text));
    if (!s) continue;
    found.set(id, s);
    if (id !== 'sources') claimed.add(s);
  }
  const rest = body.filter((s) => !claimed.has(s));
  for (const id of ['action', 'why'] as const) {
    const s = rest.find((x) => PWN_ELEMENT_PHRASES[id].re.test(x.text));
    if (s) found.set(id, s);
  }
  // The safeguards element asks for how to get a copy too: in the sentence or the rest of its paragraph.
  let safeguardsHow = false;
  const sg = found.get('safeguards');
  if (sg) safeguardsHow = sentences.some((x) => x.page === sg.page && x.block === sg.block && SAFEGUARDS_HOW.test(x.text.replace(/procedural\s+safeguards?/gi, '')));

  const elements = PWN_ELEMENTS.map((e): PwnElementCheck => {
    const s = found.get(e.id) ?? null;
    const evidence = s ? { page: s.page, sentence: quote(s.text) } : null;
    if (e.id === 'safeguards' && s && !safeguardsHow) {
      return { ...e, present: false, evidence, finding: `The notice mentions procedural safeguards (p. ${s.page}: "${evidence!.sentence}") but no sentence says how to get a copy (${e.cite}).` };
    }
    return s
      ? { ...e, present: true, evidence, finding: `The notice describes ${e.label}: "${evidence!.sentence}" (p. ${s.page}).` }
      : { ...e, present: false, evidence: null, finding: `No sentence of this notice describes ${e.label} (${e.cite}).` };
  });
  return { isNotice, elements, missing: elements.filter((e) => !e.present).map((e) => e.id) };
}
