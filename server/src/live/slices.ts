/**
 * A document too large to analyse on the request path, analysed in pieces, one per turn of the event loop, so
 * that the server keeps answering meanwhile. The text is cut before a heading (else before a paragraph) after a
 * blank line, outside fenced code; each piece is analysed alone and its offsets shifted into the whole.
 *   « …\n\n## Partie 2\n\nLa prégabaline… » → a piece starts at « ## Partie 2 » once the previous one holds
 *   `size` characters. A pass whose document changed meanwhile stops at its next piece (`stale`).
 * What a cut loses: a dose whose drug is named only in the previous piece, a list introduced across it.
 */
import type { Analysis } from '../core/analyze';

/** Offsets where a fenced code block opens or closes, alternately (CommonMark: same mark, at least as long). */
function fenceLines(text: string): number[] {
  const marks: number[] = [];
  let open: string | undefined;
  for (const m of text.matchAll(/^ {0,3}(`{3,}|~{3,})([^\n]*)$/gm)) {
    const mark = m[1];
    if (!open) {
      if (mark[0] === '`' && m[2].includes('`')) continue; // not a fence: an inline code span
      open = mark;
      marks.push(m.index!);
    } else if (mark[0] === open[0] && mark.length >= open.length && !m[2].trim()) {
      open = undefined;
      marks.push(m.index!);
    }
  }
  return marks;
}

/** Whether `at` is inside a fenced code block (after an odd number of fence lines). */
function inFence(fences: number[], at: number): boolean {
  let lo = 0, hi = fences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fences[mid] < at) lo = mid + 1; else hi = mid;
  }
  return lo % 2 === 1;
}

/** A line that starts a paragraph: a letter or digit, not a list item. */
const PARAGRAPH = /^(?![*+-]\s|\d+[.)]\s)[\p{L}\p{N}*_[]/u;

/** The offsets where pieces start (the first is 0): each piece holds at least `size` characters but the last. */
export function pieceStarts(text: string, size: number): number[] {
  const fences = fenceLines(text);
  const starts = [0];
  const BLANK = /\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/g;
  let paragraph = -1; // where to cut if no heading comes within twice the size
  BLANK.lastIndex = size;
  for (let m = BLANK.exec(text); m; m = BLANK.exec(text)) {
    const at = m.index + m[0].length;
    if (at >= text.length) break;
    if (inFence(fences, at)) continue;
    const heading = text[at] === '#';
    if (paragraph < 0 && (heading || PARAGRAPH.test(text.slice(at, at + 4)))) paragraph = at;
    if (heading || (paragraph >= 0 && at - starts[starts.length - 1] >= 2 * size)) {
      const cut = heading ? at : paragraph;
      starts.push(cut);
      paragraph = -1;
      BLANK.lastIndex = Math.max(cut + size, at);
    }
  }
  return starts;
}

/**
 * Moves every offset of an analysis of a piece by `delta` (its start in the whole text). A block is held once;
 * a mention may be a dose's drug too, and a fix's edit is not known to be its finding's alone: those once each.
 */
function shift(a: Analysis, delta: number): void {
  for (const b of a.prose.blocks) { b.start += delta; b.end += delta; }
  const seen = new Set<object>();
  const move = (s: { start: number; end: number }) => {
    if (seen.has(s)) return;
    seen.add(s);
    s.start += delta;
    s.end += delta;
  };
  for (const m of a.mentions) move(m);
  for (const d of a.doses) {
    move(d);
    d.unitStart += delta;
    if (d.basisStart !== undefined) d.basisStart += delta;
    if (d.drug) move(d.drug);
  }
  for (const f of a.findings) {
    move(f);
    for (const fix of f.fixes ?? []) move(fix.edit);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The analysis of the whole text, piece by piece; undefined when `stale()` said the text changed meanwhile. */
export async function analyzeInPieces(text: string, size: number, analyse: (piece: string) => Analysis, stale: () => boolean): Promise<Analysis | undefined> {
  const starts = pieceStarts(text, size);
  const whole: Analysis = { prose: { text: '', blocks: [] }, mentions: [], doses: [], findings: [] };
  for (let i = 0; i < starts.length; i++) {
    await nextTurn();
    if (stale()) return undefined;
    const a = analyse(text.slice(starts[i], starts[i + 1] ?? text.length));
    shift(a, starts[i]);
    // A rope of the pieces' prose texts (which their mentions' texts keep alive anyway): made flat only if read whole.
    whole.prose.text += a.prose.text;
    whole.prose.blocks.push(...a.prose.blocks);
    whole.mentions.push(...a.mentions);
    whole.doses.push(...a.doses);
    whole.findings.push(...a.findings);
  }
  return whole;
}
