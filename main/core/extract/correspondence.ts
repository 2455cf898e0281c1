// Correspondence for the chronology: emails printed to PDF (From/To/Cc/Date/Subject headers, Outlook's
// "Sent:"), letters and notices (date line, "To:" or the salutation, "Re:" or the notice's title, the
// signature after the closing, "cc:").
import type { ExtractedCorrespondence, PageContent } from '../../../shared/domain';
import { findDates, parseDate } from '../../../shared/text/dates';
import { buildLayout, type LayoutLine } from './layout';
import { setTightUnder } from '../layout/rows';
import { DATE_IN_SENTENCE, EVENT_PHRASES, NOT_AN_EVENT, NOT_AN_EVENT_RULE, PWN_PROPOSAL, PWN_REFUSAL, PWN_TITLE, TITLE_LEAVES_NO_DOUBT, type EventKind } from './vocab/correspondence';

const HEADER = (label: string) => new RegExp(`^(?:${label})\\s*:\\s*(.*)$`, 'i');
const FROM = HEADER('from|sender');
const TO = HEADER('to|recipients?');
const CC = HEADER('cc|copy\\s+to|copies\\s+to');
const DATE = HEADER('date|sent|dated');
const SUBJECT = HEADER('subject|subj');
const RE_LINE = HEADER('re|regarding');
const CLOSING = /^(?:sincerely|respectfully|regards|best\s+regards|kind\s+regards|warm\s+regards|thank\s+you|thanks|cordially|yours\s+truly|best)\s*,?$/i;
const TITLE = /notice|letter|request|invitation|consent|notification|determination|response|complaint|summary|minutes/i;

/** The value of the first header line matching `re`, with the lines that wrap onto it. */
function headerValue(lines: LayoutLine[], re: RegExp): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i].text);
    if (!m) continue;
    let value = m[1].trim();
    // Long recipient lists wrap: a following line with no label and ending in an address continues it.
    for (let k = i + 1; k < lines.length && /^[^:]{1,80}(?:>|@\S+)[,;]?$/.test(lines[k].text) && !/^\w+\s*:/.test(lines[k].text); k++) value += ' ' + lines[k].text;
    return value || null;
  }
  return null;
}

/** "Lucía Rivera, 1187 Piñon Court, Alder Creek" -> "Lucía Rivera": the person, not the address. */
function withoutAddress(value: string | null): string | null {
  if (!value) return null;
  return value.replace(/,\s*\d.*$/, '').trim() || null;
}

function signature(lines: LayoutLine[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!CLOSING.test(lines[i].text.trim())) continue;
    const name = lines.slice(i + 1).find((l) => l.text.trim() && !/^(?:cc|enclosure)/i.test(l.text));
    if (!name) return null;
    const title = lines[lines.indexOf(name) + 1];
    const isTitle = title && !/^(?:cc|enclosure|\(|>|https?:)/i.test(title.text) && !/\d{3}/.test(title.text) && title.text.length < 60;
    return isTitle ? `${name.text.trim()}, ${title.text.trim()}` : name.text.trim();
  }
  return null;
}

export function extractCorrespondence(pages: PageContent[], documentId: string): ExtractedCorrespondence {
  void documentId;
  const lines = buildLayout(pages).lines;
  // Quoted earlier messages ("> On Mon ... wrote:") and print footers are not this message's headers.
  const own = lines.filter((l) => !/^>/.test(l.text));
  const from = headerValue(own, FROM) ?? signature(own);
  let to = withoutAddress(headerValue(own, TO));
  if (!to) {
    const dear = own.find((l) => /^dear\s+/i.test(l.text));
    to = dear ? dear.text.replace(/^dear\s+/i, '').replace(/[,:]\s*$/, '').trim() : null;
  }
  const cc = headerValue(own, CC);
  let date = parseDate(headerValue(own, DATE));
  if (!date) {
    const standalone = own.slice(0, 15).find((l) => {
      const d = findDates(l.text);
      return d.length === 1 && d[0].length >= l.text.trim().length - 2;
    });
    date = standalone ? findDates(standalone.text)[0].iso : null;
  }
  let subject = headerValue(own, SUBJECT) ?? headerValue(own, RE_LINE);
  if (!subject) {
    const title = own.slice(0, 15).find((l) => l.isHeading && TITLE.test(l.text));
    subject = title ? title.text.trim() : null;
  }
  return { from: from ?? null, to, cc, date, subject };
}

/** One sentence of a page: the unit events and notice elements are read from. */
export interface PageSentence {
  page: number;
  text: string;
  /** Index of the paragraph (block of lines) on its page: a heading and the text under it share one. */
  block: number;
}

const LABELLED = /^\s*[A-Z][\w .'-]{0,24}:\s/;
const NUMBERED = /^\s*(?:\d{1,2}|[A-Ha-h]|[ivx]{1,4})[.)]\s+\S/;

/** The pages' sentences: lines joined into paragraphs (a wide gap, a "Label:" line, a heading or a numbered item starts one), split at sentence ends. */
export function pageSentences(pages: PageContent[]): PageSentence[] {
  const out: PageSentence[] = [];
  const lines = buildLayout(pages).lines.filter((l) => !l.repeated);
  const blocks: { page: number; lines: string[] }[] = [];
  let prev: LayoutLine | null = null;
  for (const l of lines) {
    const text = l.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const labelled = LABELLED.test(text);
    const starts = !prev || !setTightUnder(l, prev, 0.9, 4) || labelled || NUMBERED.test(text) || l.isHeading || (prev !== null && LABELLED.test(prev.text));
    if (starts || !blocks.length) blocks.push({ page: l.page, lines: [] });
    blocks[blocks.length - 1].lines.push(text);
    prev = l;
  }
  blocks.forEach((b, block) => {
    const text = b.lines.join(' ').replace(/(\w)- (\w)/g, '$1$2');
    for (const s of text.split(/(?<=(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|Prof|Hon))[.!?])\s+(?=["'(\u201c]?[A-Z0-9])/)) if (s.trim()) out.push({ page: b.page, text: s.trim(), block });
  });
  return out;
}

/** An event a letter or notice states, with where it says so. */
export interface FoundEvent {
  kind: EventKind;
  /** When it happened (or is scheduled): the sentence's own date when it says so, else the letter's date. */
  date: string | null;
  page: number;
  sentence: string;
  /** Who the letter went to (its To: line or salutation). */
  recipient: string | null;
  /** The title or subject names the event: no doubt what the document is. */
  automatic: boolean;
  /** For a Prior Written Notice: what the district does. */
  action?: 'proposal' | 'refusal' | 'both' | null;
}

/**
 * The events a letter, email or notice starts (records request, meeting, evaluation or IEE request, consent,
 * Prior Written Notice, due-process complaint, resolution meeting, hearing), one per kind and date, each
 * with its page and sentence. Sentences that explain a right ("you may request...") are not events.
 */
export function detectEvents(pages: PageContent[], header: ExtractedCorrespondence = extractCorrespondence(pages, '')): FoundEvent[] {
  const sentences = pageSentences(pages).filter((s) => !/^>/.test(s.text));
  const titleText = [header.subject ?? '', ...sentences.slice(0, 12).filter((s) => s.text.length < 120 && !/[.!?]$/.test(s.text)).map((s) => s.text)].join(' \n ');
  const titled = new Set(TITLE_LEAVES_NO_DOUBT.filter((t) => t.re.test(titleText)).map((t) => t.kind));
  const found: FoundEvent[] = [];
  // One per kind and date; a sentence of the body is better evidence than a title or subject line.
  const isSentence = (t: string) => /[.!?:,]["')]?$/.test(t) && /\b(?:I|we|you|our|my|this|please)\b/i.test(t);
  const add = (e: FoundEvent) => {
    const i = found.findIndex((f) => f.kind === e.kind && f.date === e.date);
    if (i < 0) found.push(e);
    else if (!isSentence(found[i].sentence) && isSentence(e.sentence)) found[i] = { ...e, automatic: found[i].automatic || e.automatic };
  };
  for (const s of sentences) {
    if (NOT_AN_EVENT.test(s.text) || NOT_AN_EVENT_RULE.test(s.text)) continue;
    const phrase = EVENT_PHRASES.find((p) => p.re.test(s.text));
    if (!phrase) continue;
    const kind = phrase.kind;
    const own = findDates(s.text);
    let date: string | null;
    if (kind === 'resolution_session' || kind === 'hearing_date') {
      // A scheduled meeting or hearing is the date the sentence names; without one it is not an event yet.
      if (!own.length) continue;
      date = own[own.length - 1].iso;
    } else {
      date = own.length && DATE_IN_SENTENCE.test(s.text) ? own[0].iso : header.date;
    }
    add({ kind, date, page: s.page, sentence: s.text, recipient: header.to, automatic: titled.has(kind) && !!date });
  }
  if (PWN_TITLE.test(titleText)) {
    const body = sentences.map((s) => s.text).join(' ');
    const refusal = PWN_REFUSAL.test(body);
    const proposal = PWN_PROPOSAL.test(body.replace(/\bproposed\s+or\s+refused\b/gi, ''));
    const first = sentences.find((s) => PWN_TITLE.test(s.text)) ?? sentences[0];
    add({
      kind: 'prior_written_notice',
      date: header.date,
      page: first?.page ?? 1,
      sentence: first?.text ?? '',
      recipient: header.to,
      automatic: !!header.date,
      action: refusal && proposal ? 'both' : refusal ? 'refusal' : proposal ? 'proposal' : null,
    });
  }
  // A kind the title names but no sentence states (a form whose body is boxes): the title is the evidence.
  for (const kind of titled) {
    if (found.some((f) => f.kind === kind) || kind === 'prior_written_notice' || !header.date) continue;
    add({ kind, date: header.date, page: pages[0]?.pageNumber ?? 1, sentence: header.subject ?? titleText.split('\n')[0].trim(), recipient: header.to, automatic: true });
  }
  return found;
}
