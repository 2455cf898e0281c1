// Word documents (.docx): the text in reading order via mammoth, laid out as pages.
// The original stays in the store; this is only what search and extraction read.
import mammoth from 'mammoth';
import type { PageContent } from '../../../../shared/domain';
import { problems } from './errors';
import { zipCentralDirectory } from './sniff';
import { textToPages } from './text';

/** A Word file's XML never needs more than this; beyond it the "document" is a zip bomb in disguise. */
const MAX_DOCX_EXPANDED_BYTES = 200 * 1024 ** 2;

export interface DecodedDocx {
  text: string;
  pages: PageContent[];
}

export async function decodeDocx(bytes: Uint8Array, fileName: string): Promise<DecodedDocx> {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  const entries = zipCentralDirectory(bytes);
  if (!entries) throw problems.corruptDocx(fileName);
  const expanded = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (expanded > MAX_DOCX_EXPANDED_BYTES) {
    throw problems.zipBomb(fileName, `the Word file would expand to ${Math.round(expanded / 1024 ** 2)} MB`);
  }
  let text: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    text = result.value;
  } catch (error) {
    throw problems.corruptDocx(fileName, error);
  }
  return { text, pages: textToPages(text) };
}
