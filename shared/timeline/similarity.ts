// Text comparison for goals: which skill a goal works on, whether two units are the same measure,
// and how alike two goal sentences are. Built on the language of IEP goals, not on any one form.

/** Skills as IEP goals name them, each with its broader domain. Order does not matter. */
const SKILLS: Array<{ skill: string; domain: string; pattern: RegExp }> = [
  { skill: 'fluency', domain: 'reading', pattern: /\bfluen|\bwcpm\b|words? correct per minute|correct words per minute|\bcwpm\b|\borf\b|read(?:s|ing)? aloud|oral reading/ },
  { skill: 'decoding', domain: 'reading', pattern: /decod|phonics|phonem|phonolog|sight words?|\bcvce?\b|silent[- ]e\b|vowel[- ]teams?|(?:one|two|multi)[- ]?syllable words|blends?\b|digraph|letter[- ]sounds?|word (?:recognition|attack)|nonsense words?/ },
  { skill: 'comprehension', domain: 'reading', pattern: /comprehen|inferential|literal questions|main idea|retell|summari[sz]|wh- ?questions about/ },
  { skill: 'vocabulary', domain: 'reading', pattern: /vocabulary|word meanings?/ },
  { skill: 'composition', domain: 'writing', pattern: /written expression|paragraphs?\b|essays?\b|topic sentence|writing (?:rubric|prompt|samples?)|complete sentences|\bwrite (?:a|an|at least|\d)/ },
  { skill: 'spelling', domain: 'writing', pattern: /spell/ },
  { skill: 'handwriting', domain: 'writing', pattern: /handwrit|letter formation|legib|penmanship/ },
  { skill: 'keyboarding', domain: 'writing', pattern: /keyboard|\btyp(?:e|es|ing)\b/ },
  { skill: 'add_sub', domain: 'math', pattern: /addition|subtraction|\badd(?:ing)?\b|subtract|regroup/ },
  { skill: 'mult_div', domain: 'math', pattern: /multiplic|multiply|division|\bdivid|times tables/ },
  { skill: 'fractions', domain: 'math', pattern: /fraction|decimal|percent(?:ages)? of a number|ratio/ },
  { skill: 'word_problems', domain: 'math', pattern: /word problems?|problem[- ]solving|multi-step problems/ },
  { skill: 'number_sense', domain: 'math', pattern: /place value|number sense|count(?:ing)? (?:to|objects|by)|number identification|numerals?\b/ },
  { skill: 'money_time', domain: 'math', pattern: /\bmoney\b|coins?\b|tell(?:ing)? time|elapsed time|measurement/ },
  { skill: 'attention', domain: 'behavior', pattern: /on[- ]task|off[- ]task|attention|attend(?:ing)? to|\bfocus|work habits|task completion|complete (?:assigned|independent) work|redirect/ },
  { skill: 'aggression', domain: 'behavior', pattern: /aggress|hitting|kicking|biting|physical(?:ly)? (?:harm|contact)|tantrum|outburst|elop|property destruction|disrupt/ },
  { skill: 'compliance', domain: 'behavior', pattern: /complian|comply|follow(?:s|ing)? (?:adult |teacher |classroom |one-step |multi-step )?(?:directions|instructions|rules)/ },
  { skill: 'self_regulation', domain: 'behavior', pattern: /self[- ]regulat|coping|calm(?:ing)? strateg|frustration|zones of regulation|break card/ },
  { skill: 'social', domain: 'social', pattern: /\bpeers?\b.*(?:interact|play|conversation)|social|turn[- ]taking|greet|conversation/ },
  { skill: 'articulation', domain: 'communication', pattern: /articulat|speech sounds?|\/[a-z]{1,2}\/|intelligib/ },
  { skill: 'language', domain: 'communication', pattern: /expressive language|receptive language|\bmlu\b|grammar|syntax|sentence structure|\baac\b|augmentative|(?:past|present|future|verb) tense|irregular (?:past )?verbs|plurals?\b|pronouns?\b|morpholog|possessives?\b/ },
  { skill: 'motor', domain: 'motor', pattern: /fine motor|gross motor|scissors|cutting|grasp|balance|motor planning/ },
  { skill: 'self_care', domain: 'adaptive', pattern: /toilet|dressing|hygiene|self-care|feeding|daily living/ },
  { skill: 'transition', domain: 'transition', pattern: /post-?secondary|employment|job skills|career|self-advoca|independent living/ },
];

/** Area words that name only a domain ("Math Calculation", "Behavior"). */
const DOMAIN_WORDS: Array<{ domain: string; pattern: RegExp }> = [
  { domain: 'reading', pattern: /\bread|\bela\b|literacy/ },
  { domain: 'writing', pattern: /\bwrit/ },
  { domain: 'math', pattern: /\bmath|calculation|computation|numeracy|arithmetic/ },
  { domain: 'behavior', pattern: /behavio|work habits|executive function/ },
  { domain: 'communication', pattern: /speech|language|communicat/ },
  { domain: 'social', pattern: /social|emotional|pragmatic/ },
  { domain: 'motor', pattern: /motor|occupational therapy|physical therapy/ },
  { domain: 'adaptive', pattern: /adaptive|daily living|self-help/ },
  { domain: 'transition', pattern: /transition|vocational/ },
];

export function skillsOf(text: string): Set<string> {
  const lower = text.toLowerCase();
  return new Set(SKILLS.filter((s) => s.pattern.test(lower)).map((s) => s.skill));
}

export function domainsOf(text: string): Set<string> {
  const lower = text.toLowerCase();
  const domains = new Set(DOMAIN_WORDS.filter((d) => d.pattern.test(lower)).map((d) => d.domain));
  for (const s of SKILLS) if (s.pattern.test(lower)) domains.add(s.domain);
  return domains;
}

function intersects<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * The part of a goal that names what the student will do: its area and the words from "will" on,
 * when they name a skill. A condition ("when retelling a story, ... will use past tense verbs") names
 * a setting, not the skill.
 */
export function skillText(area: string | null, text: string): string {
  const will = text.search(/\bwill\b/i);
  const behavior = will >= 0 ? text.slice(will) : text;
  // "When reading CVCe words, ... will read the words correctly": the behavior names no skill, the material does.
  return `${area ?? ''} ${skillsOf(behavior).size ? behavior : text}`;
}

/**
 * Whether two goal descriptions work on the same skill: 'same' when they share a named skill,
 * 'different' when both name skills (or domains) and none is shared, 'unknown' otherwise.
 */
export function skillCompatibility(a: string, b: string): 'same' | 'different' | 'unknown' {
  const skillsA = skillsOf(a);
  const skillsB = skillsOf(b);
  if (skillsA.size && skillsB.size) return intersects(skillsA, skillsB) ? 'same' : 'different';
  const domainsA = domainsOf(a);
  const domainsB = domainsOf(b);
  if (domainsA.size && domainsB.size && !intersects(domainsA, domainsB)) return 'different';
  return 'unknown';
}

/** Units written many ways, reduced to one name each. */
export function canonicalUnit(unit: string | null | undefined): string | null {
  if (!unit) return null;
  const u = unit.toLowerCase();
  if (/wcpm|words? correct per minute|correct words per minute|cwpm/.test(u)) return 'wcpm';
  if (/words? per minute|\bwpm\b/.test(u)) return 'wpm';
  if (/rubric/.test(u)) return 'rubric';
  if (/interval/.test(u)) return 'percent_intervals';
  if (/trials?|opportunit/.test(u) && !/%|percent/.test(u)) return 'trials';
  if (/%|percent|accuracy/.test(u)) return 'percent';
  if (/incident|occurrence|times per|episodes|frequency/.test(u)) return 'count';
  if (/minute|second/.test(u)) return 'duration';
  return u.replace(/\s*\([^)]*\)/g, '').replace(/s\b/g, '').trim();
}

export function sameUnit(a: string | null | undefined, b: string | null | undefined): boolean {
  const ca = canonicalUnit(a);
  return ca != null && ca === canonicalUnit(b);
}

const STOPWORDS = new Set(
  ('a an the of to and or in on at by for with as is are be will his her their he she they it its this that ' +
    'from into during when given after than then each per out least most more what which who while student ' +
    'measured data').split(' '),
);

/** Plural and -ing endings dropped, so "tasks" meets "task" and "sentences" meets "sentence". */
function stem(token: string): string {
  if (token.length > 5 && token.endsWith('ing')) return token.slice(0, -3);
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

/** Lowercased, lightly stemmed word tokens with dates, stop words and the possessive 's removed; numbers kept. */
export function goalTokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g, ' ')
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9%]+/)
    .filter((t) => t && !STOPWORDS.has(t))
    .map(stem);
}

/** Dice overlap of two token bags, 0..1: how much of the shorter label the longer repeats. */
export function labelSimilarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const setB = new Set(b);
  const setA = new Set(a);
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared++;
  return shared / Math.min(setA.size, setB.size);
}

/** Inverse document frequency over a set of texts, so words every goal uses ("accuracy", "trials") weigh little. */
export function idfWeights(texts: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const tokens of texts) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(texts.length, 1);
  return new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)]));
}

/** Cosine similarity of two token bags weighted by idf (unknown words weigh as the rarest). */
export function weightedCosine(a: string[], b: string[], idf: Map<string, number>): number {
  const maxWeight = Math.max(1, ...idf.values());
  const vec = (tokens: string[]) => {
    const v = new Map<string, number>();
    for (const t of tokens) v.set(t, (v.get(t) ?? 0) + (idf.get(t) ?? maxWeight));
    return v;
  };
  const va = vec(a);
  const vb = vec(b);
  let dot = 0;
  for (const [t, w] of va) dot += w * (vb.get(t) ?? 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const denom = norm(va) * norm(vb);
  return denom ? dot / denom : 0;
}

/** Ordinal grade in text ("3rd grade", "grade 4", "fifth-grade", "kindergarten" = 0), or null. */
export function gradeLevelFromText(text: string | null | undefined): number | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  const words: Record<string, number> = {
    first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  };
  const numeric = /\b(\d{1,2})(?:st|nd|rd|th)[- ]grade\b|\bgrade[- ](?:level )?(\d{1,2})\b/.exec(lower);
  if (numeric) return Number(numeric[1] ?? numeric[2]);
  const spelled = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)[- ]grade\b/.exec(lower);
  if (spelled) return words[spelled[1]];
  if (/\bkindergarten\b/.test(lower)) return 0;
  return null;
}

/** Enrolled grade as printed ("4", "4th", "Grade 4", "K", "Kindergarten") as a number, or null. */
export function parseGrade(grade: string | null | undefined): number | null {
  if (!grade) return null;
  const g = grade.trim().toLowerCase();
  if (/^(k|tk|kg|kindergarten)\b/.test(g)) return 0;
  const m = /(\d{1,2})/.exec(g);
  if (m) return Number(m[1]);
  return gradeLevelFromText(`${g} grade`);
}
