// Correspondence for the chronology: emails printed to PDF (From/To/Cc/Date/Subject headers, Outlook's
// "Sent:"), letters and notices (date line, "To:" or the salutation, "Re:" or the notice's title, the
// signature after the closing, "cc:").
import type { ExtractedCorrespondence, PageContent } from '../../../shared/domain';
import { findDates, parseDate } from '../../../shared/text/dates';
import { buildLayout, type LayoutLine } from './layout';

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
