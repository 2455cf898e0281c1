// Generated special-education pages for the search benchmark: IEP goals, progress notes, service
// logs, evaluations and letters, in a vocabulary of a few thousand words drawn with a Zipf
// distribution, with numbers and dates, laid out as words with boxes on a Letter page.
import type { DocType, PageContent, Word } from '../../shared/domain';
import { between, pick, zipfSampler } from './random';

// Most frequent first: the order is the Zipf rank.
const COMMON = `the of and to in a will student for with is on by as at be or his her this from that are
 goal reading per minutes school services weekly trials accuracy data progress teacher support time
 skills class parent meeting plan team education special general instruction written math grade level
 when given words correct baseline current performance probe measured objective benchmark annual
 provide provided not has have was were it an all each during through which also other than more
 fluency comprehension writing speech language occupational therapy behavior attention social
 classroom setting resource room minutes session sessions week month year report review district
 assessment evaluation score standard percentile range average below above test subtest results
 areas need needs area strengths concerns family home work tasks task independent independently
 prompts prompting verbal visual cues modeled supports accommodations modifications extended testing
 small group individual direct consult consultation service provider case manager coordinator
 specialist psychologist therapist aide paraprofessional principal director`;

const DOMAIN = `passage passages oral retell decoding encoding phonics phonemic awareness sight vocabulary
 spelling sentence sentences paragraph paragraphs essay organizer graphic editing revising conventions
 capitalization punctuation handwriting keyboarding typing computation calculation addition subtraction
 multiplication division fractions decimals word problems reasoning number sense geometry measurement
 articulation fluency stuttering expressive receptive pragmatic pragmatics conversation peers turn
 taking initiating requests questions answering following directions multistep routines transitions
 self regulation coping strategies break breaks sensory fine motor gross visual motor grasp pencil
 scissors cutting copying tracing letter formation spacing sizing alignment legibility work completion
 homework assignments planner organization executive functioning initiation persistence focus
 redirection redirections frequency duration intensity intervals observation observations functional
 behavioral intervention positive reinforcement token board schedule check checklist rubric curriculum
 based measurement screening universal tier intensive targeted placement least restrictive environment
 inclusion inclusive coteaching coteacher general education participation extracurricular transportation
 extended school year eligibility categories disability specific learning emotional disturbance autism
 spectrum disorder other health impairment intellectual hearing vision orthopedic traumatic brain injury
 multiple developmental delay consent notice prior written refusal proposal procedural safeguards
 reevaluation triennial initial amendment revision interim annual review conference invitation attendees
 excused signature signatures copy received mailed emailed request records access timeline deadline
 calendar days school days compensatory dispute mediation complaint state due process hearing officer
 advocate attorney parents guardian mother father student's child's teacher's district's school's
 recommend recommends recommended recommendation recommendations determined determine determination
 demonstrated demonstrates demonstrate improvement improved improving regression regressed maintained
 mastered mastery emerging developing partially met exceeded sufficient insufficient expected anticipated
 quarter quarterly semester trimester marking period progress monitoring graph graphed trend line aimline
 median mean slope growth rate norms normed national grade equivalent age equivalent composite index
 verbal comprehension perceptual processing speed working memory full scale cognitive achievement
 woodcock johnson wechsler kaufman dibels aimsweb star iready map lexile fountas pinnell guided
 anxiety frustration tolerance elopement aggression refusal noncompliance tardies absences attendance
 nurse medication health plan section accommodation seating preferential proximity chunking checks
 understanding calculator manipulatives text speech audio books scribe dictation reduced assignments
 frequent extra read aloud directions clarified repeated paraphrased separate quiet location`;

// Real words a reader would search for that few pages contain: placed deep in the tail.
export const RARE_WORDS = ['dysgraphia', 'echolalia', 'perseveration', 'proprioceptive', 'dyscalculia', 'apraxia', 'vestibular', 'ototoxic'];

const SYLLABLES = 'ka ri mo den sa lu ver to nel bra fi gan dor le mi sto pa ren wil cha ber tis lon vo ham quin rud sel jor ta'.split(' ');

const FIRST = ['Maya', 'Jordan', 'Eli', 'Sofia', 'Marcus', 'Aaliyah', 'Noah', 'Grace', 'Diego', 'Hannah', 'Isaiah', 'Chloe', 'Mateo', 'Zoe', 'Caleb'];
const LAST = ['Rivera', 'Nguyen', 'Okafor', 'Schmidt', 'Patel', 'Brooks', 'Hernandez', 'Walsh', 'Kim', 'Johnson', 'Lopez', 'Carter', 'Haddad', 'Novak'];
const SERVICES = ['Specialized Instruction Reading', 'Speech Language Therapy', 'Occupational Therapy', 'Counseling', 'Specialized Instruction Math', 'Physical Therapy'];
const MEASURES = ['curriculum based measurement', 'teacher observation', 'work samples', 'data collection sheets', 'running records', 'rubric scoring'];

export interface Vocabulary {
  words: string[];
  draw: () => string;
}

/** About `size` words: the domain's words by rough frequency, then a tail of names and rare terms. */
export function buildVocabulary(size: number, rand: () => number): Vocabulary {
  const words = [...new Set(`${COMMON} ${DOMAIN}`.split(/\s+/).filter(Boolean))];
  const tailStart = words.length;
  const seen = new Set(words);
  while (words.length < size) {
    const n = between(rand, 2, 4);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(rand, SYLLABLES);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Spread the rare real words through the far tail (ranks near the end).
  RARE_WORDS.forEach((w, i) => (words[tailStart + Math.floor(((i + 1) * (size - tailStart)) / (RARE_WORDS.length + 1))] = w));
  const rank = zipfSampler(words.length, 1.05, rand);
  return { words, draw: () => words[rank()] };
}

const pad = (n: number) => String(n).padStart(2, '0');
const usDate = (rand: () => number) => `${pad(between(rand, 1, 12))}/${pad(between(rand, 1, 28))}/${between(rand, 2019, 2026)}`;
const longDate = (rand: () => number) =>
  `${pick(rand, ['January', 'February', 'March', 'April', 'May', 'June', 'August', 'September', 'October', 'November', 'December'])} ${between(rand, 1, 28)}, ${between(rand, 2019, 2026)}`;

function filler(rand: () => number, vocab: Vocabulary, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocab.draw());
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ') + '.';
}

function templated(type: DocType, rand: () => number, child: string): string {
  const pct = between(rand, 50, 100);
  switch (type) {
    case 'iep':
      return `Annual Goal ${between(rand, 1, 8)}: By ${usDate(rand)}, when given a grade level passage, ${child} will read ${between(rand, 40, 140)} words correct per minute with ${pct}% accuracy in ${between(rand, 3, 4)} of 5 trials as measured by ${pick(rand, MEASURES)}.`;
    case 'progress_report':
      return `Progress toward goal ${between(rand, 1, 8)} as of ${usDate(rand)}: ${pick(rand, ['Making sufficient progress', 'Not making sufficient progress', 'Goal met', 'Emerging skill'])}. ${child} scored ${between(rand, 4, 20)} of ${between(rand, 20, 25)} (${pct}%) on the probe; baseline was ${between(rand, 10, 60)}%.`;
    case 'service_log':
      return `${usDate(rand)} ${pick(rand, SERVICES)} ${pick(rand, [30, 45, 60, 20])} minutes ${pick(rand, ['delivered', 'missed student absent', 'missed provider absent', 'makeup session'])} ${pick(rand, FIRST)} ${pick(rand, LAST)}`;
    case 'correspondence':
      return `On ${longDate(rand)} we ${pick(rand, ['requested', 'received', 'discussed', 'declined'])} ${pick(rand, ['an independent educational evaluation', 'copies of all records', 'a meeting to review the IEP', 'prior written notice'])} for ${child}; please respond within ${between(rand, 10, 45)} calendar days.`;
    default:
      return `${pick(rand, ['Reading Fluency', 'Math Calculation', 'Working Memory', 'Processing Speed', 'Broad Written Language'])} standard score ${between(rand, 55, 125)} percentile ${between(rand, 1, 95)} tested ${usDate(rand)}.`;
  }
}

const LINE_CHARS = 92;
const CHAR_PT = 5.6;

/** Lays lines of text on a Letter page: each word gets a box in points, top-left origin. */
function layOut(lines: string[], pageNumber: number, ocr: boolean, rand: () => number): PageContent {
  const words: Word[] = [];
  const wrapped: string[] = [];
  let y = 54;
  for (const line of lines) {
    let current: string[] = [];
    let length = 0;
    const flush = () => {
      if (!current.length) return;
      let x = 54;
      for (const w of current) {
        const width = w.length * CHAR_PT;
        words.push({ text: w, bbox: [round(x), round(y), round(x + width), round(y + 11)], conf: ocr ? between(rand, 62, 97) : 100 });
        x += width + CHAR_PT;
      }
      wrapped.push(current.join(' '));
      y += 15;
      current = [];
      length = 0;
    };
    for (const w of line.split(' ')) {
      if (length + w.length + 1 > LINE_CHARS) flush();
      current.push(w);
      length += w.length + 1;
    }
    flush();
  }
  const meanConfidence = ocr ? words.reduce((n, w) => n + w.conf, 0) / Math.max(1, words.length) : null;
  return { pageNumber, width: 612, height: 792, text: wrapped.join('\n'), words, source: ocr ? 'ocr' : 'text_layer', meanConfidence };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One page of a document of `type`: a heading, templated lines and Zipf prose, ~300 words. */
export function generatePage(type: DocType, pageNumber: number, child: string, ocr: boolean, vocab: Vocabulary, rand: () => number): PageContent {
  const lines = [`${type.replace('_', ' ').toUpperCase()} ${child} page ${pageNumber}`];
  let words = 0;
  while (words < 300) {
    const line = rand() < 0.35 ? templated(type, rand, child) : filler(rand, vocab, between(rand, 8, 24));
    lines.push(line);
    words += line.split(' ').length;
  }
  return layOut(lines, pageNumber, ocr, rand);
}

export const childName = (rand: () => number) => `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
