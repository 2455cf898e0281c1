// Child process for the recovery tests: stores a file as an original, as an import does before it
// records the document, and says so. With 'stay' it then keeps running until its stdin closes: an
// import still at work.
import { readFileSync } from 'node:fs';
import { BlobStore } from '../../../main/core/documents/blob-store';

const [root, file, mode] = process.argv.slice(2);
new BlobStore(root).put(readFileSync(file));
process.stdout.write('stored\n');
if (mode === 'stay') process.stdin.resume();
