/**
 * A folder of mail files: the output of `git format-patch -o DIR` (`0001-*.patch`,
 * `0000-cover-letter.patch`), of `git mailsplit` (`0001`, `0002`), `.eml` files, or a folder of
 * mboxes (`.mbox`, `.mbx`, `.mboxrd`, any of them gzipped). Files are read in name order with
 * numeric collation, so `2.eml` comes before `10.eml`; other files (README, .orig) are ignored.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { counted, type IngestCounter, skippedItem, type StreamTarget } from './items.js';
import { describeFsError, fileChunks } from './source.js';
import { itemsFromChunks } from './stream-items.js';
import type { IngestItem } from './types.js';

const MAIL_FILE = /^(?:\d+|.+\.(?:patch|diff|eml|mbox|mbx|mboxrd|mail|msg))(?:\.gz)?$/i;

/** The mail files of a folder in the order they are read. */
export async function mailFilesIn(dir: string, source: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError({ source }, describeFsError(e));
  }
  const names = entries.filter((e) => e.isFile() && MAIL_FILE.test(e.name)).map((e) => e.name);
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (names.length === 0) {
    throw new InputError({ source }, 'no mail files in this folder (*.patch, *.eml, *.mbox, *.mbx, *.mboxrd or numbered files)');
  }
  return names;
}

/**
 * Items of every mail file in a folder, indexes running on across files. A file that cannot be
 * read (empty, not mail) becomes one skipped item naming it, and the other files are still read.
 */
export async function* folderItems(
  dir: string,
  source: string,
  mboxrd: boolean | 'marked',
  counter: IngestCounter,
): AsyncGenerator<IngestItem> {
  for (const file of await mailFilesIn(dir, source)) {
    const target: StreamTarget = { source, file, mboxrd, counter };
    try {
      yield* itemsFromChunks(counted(await fileChunks(join(dir, file), `${source}/${file}`), counter), target);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield skippedItem(target, e.problem);
    }
  }
}
