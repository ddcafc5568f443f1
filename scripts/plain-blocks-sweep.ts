/**
 * Compares plain blocks (src/core/plain-blocks.ts) with the parser on every block of every
 * Markdown file under a folder, and says how much of the text they build:
 *
 *   tsx scripts/plain-blocks-sweep.ts [FOLDER]      (default: every corpus in ../shared/corpus)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { splitBlocks } from '../src/core/blocks.js';
import { parseFragment } from '../src/core/markdown.js';
import { parsePlainBlock } from '../src/core/plain-blocks.js';
import { availableCorpora } from '../test/precision/corpora.js';
import { canonicalTree } from '../test/unit/helpers.js';

function sweep(folder: string): void {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
  let bytes = 0;
  let built = 0;
  let mismatches = 0;
  for (const name of files) {
    const text = readFileSync(path.join(folder, name), 'utf8').replace(/^\uFEFF/, '');
    // Definitions would make brackets links: such documents build no block with brackets.
    const brackets = !/^ {0,3}\[[^\]]+\]:/m.test(text);
    const starts = splitBlocks(text);
    starts.forEach((start, i) => {
      const source = text.slice(start, starts[i + 1] ?? text.length);
      bytes += source.length;
      const nodes = parsePlainBlock(source, brackets);
      if (!nodes) return;
      built += source.length;
      if (isDeepStrictEqual(canonicalTree(nodes), canonicalTree(parseFragment(source).children))) return;
      mismatches++;
      console.log(`differs: ${path.join(folder, name)} at offset ${start}`);
    });
  }
  console.log(`${folder}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${((100 * built) / Math.max(bytes, 1)).toFixed(0)}% built without the parser, ${mismatches} differ`);
}

const folders = process.argv[2] ? [process.argv[2]] : availableCorpora().map((corpus) => corpus.dir);
for (const folder of folders) sweep(folder);
