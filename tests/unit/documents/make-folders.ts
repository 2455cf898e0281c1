// Folders with real symlinks on disk, for the folder walk and the import batch tests.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/core';

/**
 * A folder a family might hand over, with every kind of link on disk:
 *   outside/secret.txt, outside/folder/private.txt   (never to be read through the pile)
 *   pile/a.txt  pile/alias.txt -> a.txt  pile/dangling.txt -> missing.txt  pile/self -> self
 *   pile/out -> ../outside/folder  pile/secret.txt -> ../outside/secret.txt
 *   pile/sub/b.txt  pile/sub/back -> ..  pile/sub/deeper/c.txt  pile/sub/deeper/up -> ../../sub
 *   pile/latest -> sub  pile/shortcut -> .archive  pile/.archive/old.txt  pile/.archive/again -> ../sub
 */
export function linkedPile(): { dir: string; pile: string } {
  const dir = tempDir('casefile-walk-');
  const pile = path.join(dir, 'pile');
  const at = (...p: string[]) => path.join(pile, ...p);
  mkdirSync(path.join(dir, 'outside', 'folder'), { recursive: true });
  writeFileSync(path.join(dir, 'outside', 'secret.txt'), 'Not part of the case: a private note.');
  writeFileSync(path.join(dir, 'outside', 'folder', 'private.txt'), 'Not part of the case either.');
  mkdirSync(at('sub', 'deeper'), { recursive: true });
  mkdirSync(at('.archive'));
  writeFileSync(at('a.txt'), 'Prior written notice dated March 8, 2024.');
  writeFileSync(at('sub', 'b.txt'), 'Meeting notes: the team reviewed the reading goal.');
  writeFileSync(at('sub', 'deeper', 'c.txt'), 'Progress report: 61 words correct per minute on 03/01/2024.');
  writeFileSync(at('.archive', 'old.txt'), 'Evaluation consent signed September 2, 2023.');
  symlinkSync('a.txt', at('alias.txt'));
  symlinkSync('missing.txt', at('dangling.txt'));
  symlinkSync('self', at('self'));
  symlinkSync(path.join('..', 'outside', 'folder'), at('out'), 'dir');
  symlinkSync(path.join('..', 'outside', 'secret.txt'), at('secret.txt'));
  symlinkSync('..', at('sub', 'back'), 'dir');
  symlinkSync(path.join('..', '..', 'sub'), at('sub', 'deeper', 'up'), 'dir');
  symlinkSync('sub', at('latest'), 'dir');
  symlinkSync('.archive', at('shortcut'), 'dir');
  symlinkSync(path.join('..', 'sub'), at('.archive', 'again'), 'dir');
  return { dir, pile };
}
