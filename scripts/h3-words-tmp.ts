import { readFileSync } from 'node:fs';
import { readPdfText, groupLines } from '../main/core/documents/pdf-text';
const r = await readPdfText(readFileSync(process.argv[2]));
const p = r.pages[+process.argv[3]-1];
for (const line of groupLines(p.words)) console.log(line.map(w=>`${w.text}@${w.bbox[0].toFixed(0)}-${w.bbox[2].toFixed(0)}`).join(' '), ' y=', line[0].bbox[1].toFixed(1), line[0].bbox[3].toFixed(1));
