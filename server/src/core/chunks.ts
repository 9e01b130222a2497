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
  const starts: number[] = [];
  let previousBlank = false;
  for (let at = 0; at < text.length; ) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    const first = text.charCodeAt(at);
    let blank = at === next || first === 32 || first === 9;
    if (blank) for (let i = at; i < next; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) { blank = false; break; }
    }
    if (previousBlank && !blank && at > 0 && mayStartPiece(text, at)) starts.push(at);
    previousBlank = blank;
    at = next + 1;
  }
  return starts;
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
  const bounds = [0, ...candidateStarts(text), text.length];
  const last = bounds.length - 1;
  const chunks: Chunk[] = [];
  for (let i = 0; i < last; ) {
    let step = 1;
    let j: number;
    let reading: ChunkReading;
    for (;;) {
      j = Math.min(i + step, last);
      reading = read(text.slice(bounds[i], bounds[j]));
      if (!reading.openAtEnd || j === last) break;
      step *= 2;
    }
    chunks.push({ start: bounds[i], end: bounds[j], reading });
    i = j;
  }
  if (chunks.length === 0) chunks.push({ start: 0, end: 0, reading: read('') });
  return chunks;
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
