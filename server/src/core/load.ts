/**
 * Reads the compiled index file shipped beside the bundles (dist/medlint-index.bin, written by the data
 * build's data/build/index-writer.ts; layout in index-types.ts `IndexHeader`). Loading makes views over the
 * file's bytes, no copies and no scan: the lookup's typed arrays are read in place, its texts decoded piece
 * by piece as they are cut (Latin-1 or UTF-16), and a record (« prégabaline »'s JSON line) is found by its
 * stored offset when first used.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon, type LoadedIndex } from './lexicon';
import { INDEX_ALIGN, INDEX_FORMAT, type IndexHeader, type Lookup, type Text } from './index-types';

export const INDEX_FILE = 'medlint-index.bin';

export function defaultIndexPath(): string {
  // Bundled: dist/server.js and dist/cli.js sit beside the index. From sources (tests): ../../../dist.
  const candidates = [join(__dirname, INDEX_FILE), join(__dirname, '..', '..', '..', 'dist', INDEX_FILE)];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

/**
 * The lexicon of an index file. Only the header and the lookup tables are read (≈ half the file); a record
 * is read when first asked for, through a descriptor kept open, so that a file replaced meanwhile (data
 * update) is not mixed with the one loaded.
 */
export function loadLexicon(path = defaultIndexPath()): Lexicon {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let first = readAt(fd, 0, Math.min(size, 1 << 16));
    // The header is one line (≈ 50 KB today): read on until its end.
    while (first.indexOf(10) < 0 && first.length < size) first = readAt(fd, 0, Math.min(size, first.length * 4));
    const header = headerOf(first);
    const head = header ? header.binaryStart + header.binaryBytes : 0;
    if (!header || head > size) throw unreadable(path);
    const loaded = readIndex(head <= first.length ? first : readAt(fd, 0, head), path, { size, read: (from, to) => readAt(fd, head + from, to - from) }, header);
    return new Lexicon(loaded);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** `length` bytes from `position`, in a buffer of their own (aligned: never from the shared pool). */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? bytes : bytes.subarray(0, done);
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

/** Where the records part lies when it is not in the buffer given: the file's size, and a reader of its bytes. */
interface RecordsPart {
  size: number;
  /** Bytes [from, to) of the records part. */
  read: (from: number, to: number) => Buffer;
}

/**
 * An index file's content as views over its bytes (`given` is kept: the views point into it): the whole
 * file, or its header and lookup tables with a reader of the records part (and the header, if already parsed).
 */
export function readIndex(given: Buffer, path: string, records?: RecordsPart, header = headerOf(given)): LoadedIndex {
  const recordsAt = header ? header.binaryStart + header.binaryBytes : 0;
  if (!header || recordsAt > given.length) throw unreadable(path);
  // A large file read whole gets a buffer of its own, aligned; a pooled one (small, tests) may not be.
  const file = given.byteOffset % INDEX_ALIGN === 0 ? given : copyAligned(given);
  const at = file.byteOffset + header.binaryStart;
  const lookup: Record<string, unknown> = {};
  for (const [name, [offset, , encoding]] of Object.entries(header.strings)) lookup[name] = new FileText(file, header.binaryStart + offset, encoding);
  for (const [name, [offset, length, type]] of Object.entries(header.arrays)) {
    lookup[name] = type === 'i32' ? new Int32Array(file.buffer, at + offset, length) : new Uint8Array(file.buffer, at + offset, length);
  }
  const starts = new Int32Array(file.buffer, at + header.recordStarts[0], header.recordStarts[1]);
  if (recordsAt + starts[starts.length - 1] !== (records?.size ?? file.length)) throw unreadable(path);
  return { ...header, lookup: lookup as unknown as Lookup, record: recordReader(starts, records ?? { size: file.length, read: (a, b) => file.subarray(recordsAt + a, recordsAt + b) }) };
}

/** Record n's JSON text; past 256 records read one by one, the whole records part is read once. */
function recordReader(starts: Int32Array, part: RecordsPart): (n: number) => string {
  let whole: Buffer | undefined;
  let reads = 0;
  return (n) => {
    if (!whole && ++reads > 256) whole = part.read(0, starts[starts.length - 1]);
    return whole ? whole.toString('latin1', starts[n], starts[n + 1] - 1) : part.read(starts[n], starts[n + 1] - 1).toString('latin1');
  };
}

/** A list's text in the file: each piece decoded when cut (Latin-1 or UTF-16: offsets are characters). */
class FileText implements Text {
  private readonly width: number;

  constructor(private readonly file: Buffer, private readonly start: number, private readonly encoding: 'latin1' | 'utf16le') {
    this.width = encoding === 'utf16le' ? 2 : 1;
  }

  slice(from: number, to: number): string {
    return this.file.toString(this.encoding, this.start + from * this.width, this.start + to * this.width);
  }
}

/** A copy at offset 0 of a buffer of its own (Buffer.alloc never uses the shared pool). */
function copyAligned(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}
