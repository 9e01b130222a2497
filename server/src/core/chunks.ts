/**
 * A long document cut into pieces that Markdown reads the same alone as inside the whole text, so that an
 * edit re-reads only the piece it touches (core/incremental.ts). A piece starts after a blank line, on a
 * line at column 0 that can neither continue a list nor a quote (« Le patient… », « ## Titre », « | a | b | »,
 * never « - item », « 2. item », « > cité », «   indenté »); a piece whose last block runs on to its end (a
 * fence or an HTML comment left open, a front matter) is widened with the pieces after it until it closes.
 *
 *   « # Douleur\n\nLa prégabaline…\n\n```\ncode\n\nsuite\n```\n\nFin. » → « # Douleur\n\n »,
 *   « La prégabaline…\n\n », « ```…```\n\n » (widened over its blank line), « Fin. ».
 */
import { readProse, type Prose } from './prose';

/** One piece's reading, offsets relative to the piece; computed once per piece text. */
export interface ChunkReading {
  prose: Prose;
  /** A block runs on to the piece's last line: the piece may read otherwise followed by more text. */
  openAtEnd: boolean;
}

export interface Chunk {
  start: number;
  end: number;
  reading: ChunkReading;
}

/** Offsets (after 0) where a piece may start: a line at column 0 after a blank line, that no list or quote may own. */
export function candidateStarts(text: string): number[] {
  const bounds = new Bounds(text, 0);
  const starts: number[] = [];
  for (let b = bounds.at(1); b < text.length; b = bounds.at(starts.length + 1)) starts.push(b);
  return starts;
}

/**
 * The offsets where pieces may start from `from` (itself a line start) on, found as far as they are asked for;
 * the text's length ends the list.
 */
class Bounds {
  private readonly found: number[];
  private line: number; // start of the next line to read
  private previousBlank = false;
  constructor(private readonly text: string, from: number) {
    this.found = [from];
    this.line = from;
  }

  /** The k-th offset (0: `from`), or the text's length past the last one. */
  at(k: number): number {
    while (this.found.length <= k && this.line < this.text.length) this.readLine();
    return k < this.found.length ? this.found[k] : this.text.length;
  }

  private readLine(): void {
    const text = this.text, at = this.line;
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    const first = text.charCodeAt(at);
    let blank = at === next || first === 32 || first === 9;
    if (blank) for (let i = at; i < next; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) { blank = false; break; }
    }
    if (this.previousBlank && !blank && at > this.found[0] && mayStartPiece(text, at)) this.found.push(at);
    this.previousBlank = blank;
    this.line = next + 1;
  }
}

/** Not a space, a quote, a bullet (or a thematic break, a front matter), a setext underline or an ordered item. */
function mayStartPiece(text: string, at: number): boolean {
  const c = text[at];
  if (c === ' ' || c === '\t' || c === '>' || c === '-' || c === '+' || c === '*' || c === '=' || c === '\u0000') return false;
  if (c >= '0' && c <= '9') return !/^\d{1,9}[.)]/.test(text.slice(at, at + 11));
  return !MARK.test(String.fromCodePoint(text.codePointAt(at)!)); // a mark belongs to the character before it (core/nfc.ts reads them together)
}
const MARK = /[\p{M}\u1160-\u11FF]/u;

/**
 * The document's pieces, each read by `read` (memoised by the caller on the piece's text). A piece left open
 * at its end takes the next 1, 2, 4… candidate pieces with it until it closes (or the text ends).
 */
export function readChunks(text: string, read: (piece: string) => ChunkReading): Chunk[] {
  const chunks: Chunk[] = [];
  readFrom(text, 0, read, chunks, () => false);
  if (chunks.length === 0) chunks.push({ start: 0, end: 0, reading: read('') });
  return chunks;
}

/** Pieces from `from` (a piece's start) on, pushed to `chunks`, until the text ends or `done(end)` says to stop. */
function readFrom(text: string, from: number, read: (piece: string) => ChunkReading, chunks: Chunk[], done: (end: number) => boolean): void {
  const bounds = new Bounds(text, from);
  for (let i = 0; bounds.at(i) < text.length; ) {
    let step = 1;
    let j: number;
    let reading: ChunkReading;
    for (;;) {
      j = i + step;
      reading = read(text.slice(bounds.at(i), bounds.at(j)));
      if (!reading.openAtEnd || bounds.at(j) >= text.length) break;
      step *= 2;
    }
    chunks.push({ start: bounds.at(i), end: bounds.at(j), reading });
    if (done(bounds.at(j))) return;
    i = j;
  }
}

/**
 * The pieces of `text` after an edit of `previous` (whose pieces were `before`): the pieces before the first
 * changed character and after the last one are taken over (moved), the ones between read again; the same
 * pieces `readChunks` would give.
 */
export function rereadChunks(previous: string, before: Chunk[], text: string, read: (piece: string) => ChunkReading): Chunk[] {
  if (previous.length === 0 || text.length === 0 || before.length === 0) return readChunks(text, read);
  const prefix = commonPrefix(previous, text);
  const suffix = commonSuffix(previous, text, Math.min(previous.length, text.length) - prefix);
  const shift = text.length - previous.length;
  // A piece is kept when it ends before the first change, and the start of the line after it (which decides
  // that a piece may start there) is unchanged too.
  let kept = 0;
  while (kept < before.length && before[kept].end + DECIDING <= prefix) kept++;
  const chunks = before.slice(0, kept);
  const from = kept ? chunks[kept - 1].end : 0;
  // From the first piece that ends inside the unchanged end of the text and starts where an old piece started.
  const unchangedFrom = previous.length - suffix;
  let resume = -1;
  readFrom(text, from, read, chunks, (end) => {
    if (end < text.length - suffix) return false;
    resume = pieceStartingAt(before, end - shift, kept);
    if (resume >= 0 && before[resume].start < unchangedFrom) resume = -1;
    return resume >= 0;
  });
  if (resume >= 0) for (let k = resume; k < before.length; k++) chunks.push({ start: before[k].start + shift, end: before[k].end + shift, reading: before[k].reading });
  return chunks;
}

/** The index of the piece of `pieces` (in text order) that starts at `start`, searched from `from` on; -1 if none. */
function pieceStartingAt(pieces: Chunk[], start: number, from: number): number {
  let lo = from, hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].start < start) lo = mid + 1; else hi = mid;
  }
  return lo < pieces.length && pieces[lo].start === start ? lo : -1;
}

/** How many characters of a line `mayStartPiece` reads. */
const DECIDING = 12;

/** Length of the common start of two texts (compared 4 KB at a time, natively). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + 4096 <= n && a.slice(i, i + 4096) === b.slice(i, i + 4096)) i += 4096;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of two texts, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + 4096 <= max && a.slice(a.length - i - 4096, a.length - i) === b.slice(b.length - i - 4096, b.length - i)) i += 4096;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * A piece read alone: `readProse` on its own copy of the text (a piece cut from the document would keep the
 * whole document of its day alive as long as its reading is memoised).
 */
export function readChunk(piece: string): ChunkReading {
  const reading = readProse(`${piece} `.slice(0, -1));
  /\S/.test(reading.prose.text); // made flat now: a string built of slices keeps what it was cut from
  return reading;
}
