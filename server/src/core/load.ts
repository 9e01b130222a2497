/**
 * The compiled index file shipped beside the bundles (dist/medlint-index.bin): written by the data build,
 * read by the server and the CLI. Its layout, made to be loaded in a few milliseconds:
 *   1. one line of JSON, the `IndexHeader` (metadata, classes, the lookup's strings, where its arrays lie);
 *   2. the lookup's typed arrays, raw little-endian bytes (the byte order of every platform Node.js runs on);
 *   3. the records, one JSON object per line (substances, then brands, then trials), each parsed when first used.
 * Text is Latin-1, characters beyond it written as JSON \u escapes: no UTF-8 decoding on load.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon } from './lexicon';
import { compileLookup } from './lookup-build';
import type { CompiledIndex, IndexHeader, Lookup } from './index-types';

export const INDEX_FILE = 'medlint-index.bin';

export function defaultIndexPath(): string {
  // Bundled: dist/server.js and dist/cli.js sit beside the index. From sources (tests): ../../../dist.
  const candidates = [join(__dirname, INDEX_FILE), join(__dirname, '..', '..', '..', 'dist', INDEX_FILE)];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

export function loadLexicon(path = defaultIndexPath()): Lexicon {
  const file = readFileSync(path);
  const headerEnd = file.indexOf(10);
  let header: IndexHeader | undefined;
  try {
    header = JSON.parse(file.toString('latin1', 0, headerEnd < 0 ? file.length : headerEnd)) as IndexHeader;
  } catch {
    // reported below
  }
  if (header?.format !== 4) throw new Error(`${path} : index illisible ou d’un autre format ; relancez « npm run build:data ».`);
  const binary = headerEnd + 1;
  const lookup: Record<string, unknown> = { ...header.strings };
  for (const [name, [offset, length, type]] of Object.entries(header.arrays)) {
    const array = type === 'i32' ? new Int32Array(length) : new Uint8Array(length);
    // A copy, so that the array is aligned whatever the file buffer's offset.
    new Uint8Array(array.buffer).set(file.subarray(binary + offset, binary + offset + array.byteLength));
    lookup[name] = array;
  }
  const starts: number[] = [];
  for (let at = binary + header.binaryBytes; at > 0 && at < file.length; at = file.indexOf(10, at) + 1) starts.push(at);
  starts.push(file.length + 1);
  const record = (n: number) => file.toString('latin1', starts[n], starts[n + 1] - 1);
  return new Lexicon({ ...header, lookup: lookup as unknown as Lookup, record });
}

/** Writes an index given as records, with its compiled lookup. */
export function writeIndexFile(path: string, index: CompiledIndex): void {
  const lookup = compileLookup(index);
  const strings: Record<string, string> = {};
  const arrays: Record<string, [number, number, 'i32' | 'u8']> = {};
  const binary: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(lookup)) {
    if (typeof value === 'string') {
      strings[name] = value;
      continue;
    }
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    arrays[name] = [offset, value.length, value instanceof Int32Array ? 'i32' : 'u8'];
    const padded = Buffer.concat([bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4)]);
    binary.push(padded);
    offset += padded.length;
  }
  const header = {
    format: 4, meta: index.meta, counts: { substances: index.substances.length, brands: index.brands.length, trials: index.trials.length },
    classes: index.classes, abbreviations: index.abbreviations, innStems: index.innStems, companies: index.companies, strings, arrays, binaryBytes: offset,
  } as IndexHeader;
  const latin1 = (x: unknown) => Buffer.from(JSON.stringify(x).replace(BEYOND_LATIN1, escape), 'latin1');
  const records = [...index.substances, ...index.brands, ...index.trials].map((r) => latin1(r));
  const lines = records.flatMap((r, i) => (i ? [NEWLINE, r] : [r]));
  writeFileSync(path, Buffer.concat([latin1(header), NEWLINE, ...binary, ...lines]));
}
const NEWLINE = Buffer.from('\n');
const BEYOND_LATIN1 = /[\u0100-\uffff]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
