/**
 * Writes the compiled index file (dist/medlint-index.bin) that load.ts reads as views, without copying:
 * a JSON header padded to a multiple of 8 bytes, then the lookup's typed arrays, its strings (Latin-1 or UTF-16) and the
 * records' offsets, each part aligned, then the records, one JSON line each. Example: « prégabaline »'s
 * record is the line at recordStarts[i]; its folded key « pregabaline » lies in the `keys` string.
 */
import { writeFileSync } from 'node:fs';
import { compileLookup } from '../../server/src/core/lookup-build';
import { INDEX_ALIGN, INDEX_FORMAT, type CompiledIndex } from '../../server/src/core/index-types';

/** The binary part, built up one aligned piece at a time. */
class BinaryPart {
  readonly pieces: Buffer[] = [];
  bytes = 0;

  /** Adds bytes at the next aligned offset; returns that offset. */
  add(bytes: Buffer): number {
    const at = this.bytes;
    const pad = (INDEX_ALIGN - (bytes.length % INDEX_ALIGN)) % INDEX_ALIGN;
    this.pieces.push(bytes, Buffer.alloc(pad));
    this.bytes += bytes.length + pad;
    return at;
  }
}

const latin1 = (x: unknown) => Buffer.from(JSON.stringify(x).replace(BEYOND_LATIN1, escape), 'latin1');
const BEYOND_LATIN1 = /[\u0100-\uffff]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const NEWLINE = Buffer.from('\n');

/** The records as lines, and their start offsets (one past the end last, as if a line break followed it). */
function recordLines(index: CompiledIndex): { lines: Buffer[]; starts: Int32Array } {
  const records = [...index.substances, ...index.brands, ...index.trials].map((r) => latin1(r));
  const starts = new Int32Array(records.length + 1);
  let at = 0;
  records.forEach((r, i) => { starts[i] = at; at += r.length + 1; });
  starts[records.length] = at;
  return { lines: records.flatMap((r) => [r, NEWLINE]), starts };
}

/** Writes an index given as records, with its compiled lookup. */
export function writeIndexFile(path: string, index: CompiledIndex): void {
  const lookup = compileLookup(index);
  const binary = new BinaryPart();
  const strings: Record<string, [number, number, 'latin1' | 'utf16le']> = {};
  const arrays: Record<string, [number, number, 'i32' | 'u8']> = {};
  for (const [name, value] of Object.entries(lookup)) {
    if (typeof value === 'string') {
      const encoding = /[^\u0000-\u00ff]/.test(value) ? 'utf16le' : 'latin1';
      const bytes = Buffer.from(value, encoding);
      strings[name] = [binary.add(bytes), bytes.length, encoding];
    } else {
      arrays[name] = [binary.add(Buffer.from(value.buffer, value.byteOffset, value.byteLength)), value.length, value instanceof Int32Array ? 'i32' : 'u8'];
    }
  }
  const { lines, starts } = recordLines(index);
  const recordStarts: [number, number] = [binary.add(Buffer.from(starts.buffer, starts.byteOffset, starts.byteLength)), starts.length];
  const fields = {
    format: INDEX_FORMAT, meta: index.meta, counts: { substances: index.substances.length, brands: index.brands.length, trials: index.trials.length },
    classes: index.classes, abbreviations: index.abbreviations, innStems: index.innStems, companies: index.companies,
    strings, arrays, recordStarts, binaryBytes: binary.bytes,
  };
  // binaryStart is written last in the header; its own digits change the header's length, hence the loop.
  let binaryStart = 0;
  let header = latin1({ ...fields, binaryStart });
  while (binaryStart < header.length + 1) {
    binaryStart = Math.ceil((header.length + 1) / INDEX_ALIGN) * INDEX_ALIGN;
    header = latin1({ ...fields, binaryStart });
  }
  const padding = Buffer.alloc(binaryStart - header.length - 1, ' ');
  writeFileSync(path, Buffer.concat([header, padding, NEWLINE, ...binary.pieces, ...lines]));
}
