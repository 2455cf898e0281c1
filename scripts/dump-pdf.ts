import { readFileSync } from 'node:fs';
import { readPdfText } from '../main/core/documents/pdf-text';
const f = process.argv[2];
const r = await readPdfText(readFileSync(f));
for (const p of r.pages) { console.log(`--- page ${p.pageNumber} ${p.width}x${p.height} words=${p.words.length}`); console.log(p.text); }
console.log('without text', r.pagesWithoutText);
