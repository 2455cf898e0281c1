// PDFs whose ligature glyphs read badly, as common IEP systems print them: text set in a font with
// fi/ff/ffi/fl ligatures (pdfkit substitutes them), then the font's ToUnicode map rewritten so the
// ligature glyphs map to a stray character (a control character, "=") or to nothing at all.
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { pdfkitPdf } from './form-pages';

/** How a ligature glyph reads after the rewrite: a character of our choosing, or no mapping ('drop'). */
export type LigatureLoss = string | 'drop';

export function typesetWithLigatures(lines: string[], size = 12): Promise<Buffer> {
  return pdfkitPdf((doc) => lines.forEach((line, i) => doc.font('DejaVu').fontSize(size).text(line, 50, 80 + i * size * 1.6, { lineBreak: false })));
}

/** Rewrites every ToUnicode map: targets of two or more letters (ligatures) become `loss`. */
export async function breakLigatureMaps(pdf: Uint8Array, loss: LigatureLoss): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1');
    if (!text.includes('begincmap')) continue;
    const entries: string[] = [];
    for (const m of text.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
      const start = parseInt(m[1], 16);
      [...m[3].matchAll(/<([0-9a-f ]+)>/gi)].forEach((t, i) => {
        const target = t[1].trim().split(/\s+/);
        const code = (start + i).toString(16).padStart(4, '0');
        if (target.length < 2) entries.push(`<${code}> <${target[0]}>`);
        else if (loss !== 'drop') entries.push(`<${code}> <${loss.charCodeAt(0).toString(16).padStart(4, '0')}>`);
      });
    }
    const cmap = text.replace(/\d+\s+beginbfrange[\s\S]*?endbfrange/, `${entries.length} beginbfchar\n${entries.join('\n')}\nendbfchar`);
    const dict = obj.dict.clone(doc.context);
    dict.delete(PDFName.of('Filter'));
    dict.delete(PDFName.of('Length'));
    doc.context.assign(ref, doc.context.stream(cmap, Object.fromEntries([...dict.entries()].map(([k, v]) => [k.asString().slice(1), v]))));
  }
  return doc.save({ useObjectStreams: false });
}
