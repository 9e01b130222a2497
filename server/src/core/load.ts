/**
 * Reads the compiled index file shipped beside the bundles (dist/medlint-index.bin, written by the data
 * build's data/build/index-writer.ts; layout in index-types.ts `IndexHeader`). Loading makes views over the
 * file's bytes, no copies and no scan: the lookup's typed arrays are read in place, its strings decoded by
 * a copy (Latin-1 or UTF-16), and a record (« prégabaline »'s JSON line) is found by its stored offset when
 * first used.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon, type LoadedIndex } from './lexicon';
import { INDEX_ALIGN, INDEX_FORMAT, type IndexHeader, type Lookup } from './index-types';

export const INDEX_FILE = 'medlint-index.bin';

export function defaultIndexPath(): string {
  // Bundled: dist/server.js and dist/cli.js sit beside the index. From sources (tests): ../../../dist.
  const candidates = [join(__dirname, INDEX_FILE), join(__dirname, '..', '..', '..', 'dist', INDEX_FILE)];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

export function loadLexicon(path = defaultIndexPath()): Lexicon {
  return new Lexicon(readIndex(readFileSync(path), path));
}

const unreadable = (path: string) => new Error(`${path} : index illisible ou d’un autre format ; relancez « npm run build:data ».`);

/** The header of an index file, or undefined for a file of another format. */
function headerOf(file: Buffer): IndexHeader | undefined {
  const end = file.indexOf(10);
  try {
    const header = JSON.parse(file.toString('latin1', 0, end < 0 ? file.length : end)) as IndexHeader;
    return header?.format === INDEX_FORMAT && header.binaryStart === end + 1 ? header : undefined;
  } catch {
    return undefined;
  }
}

/** An index file's content as views over its bytes (`file` is kept: the views and records point into it). */
export function readIndex(given: Buffer, path: string): LoadedIndex {
  const header = headerOf(given);
  const recordsAt = header ? header.binaryStart + header.binaryBytes : 0;
  if (!header || recordsAt > given.length) throw unreadable(path);
  // A large file read whole gets a buffer of its own, aligned; a pooled one (small, tests) may not be.
  const file = given.byteOffset % INDEX_ALIGN === 0 ? given : copyAligned(given);
  const at = file.byteOffset + header.binaryStart;
  const lookup: Record<string, unknown> = {};
  for (const [name, [offset, bytes, encoding]] of Object.entries(header.strings)) {
    lookup[name] = file.toString(encoding, header.binaryStart + offset, header.binaryStart + offset + bytes);
  }
  for (const [name, [offset, length, type]] of Object.entries(header.arrays)) {
    lookup[name] = type === 'i32' ? new Int32Array(file.buffer, at + offset, length) : new Uint8Array(file.buffer, at + offset, length);
  }
  const starts = new Int32Array(file.buffer, at + header.recordStarts[0], header.recordStarts[1]);
  if (recordsAt + starts[starts.length - 1] !== file.length) throw unreadable(path);
  const record = (n: number) => file.toString('latin1', recordsAt + starts[n], recordsAt + starts[n + 1] - 1);
  return { ...header, lookup: lookup as unknown as Lookup, record };
}

/** A copy at offset 0 of a buffer of its own (Buffer.alloc never uses the shared pool). */
function copyAligned(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}
