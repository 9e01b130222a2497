/**
 * A document too large to analyse on the request path, analysed in pieces, one per turn of the event loop, so
 * that the server keeps answering meanwhile. The text is cut before a heading (else before a paragraph) after a
 * blank line, outside fenced code; each piece is analysed alone and its offsets shifted into the whole.
 *   « …\n\n## Partie 2\n\nLa prégabaline… » → a piece starts at « ## Partie 2 » once the previous one holds
 *   `size` characters. A pass whose document changed meanwhile stops at its next piece (`stale`).
 * What a cut loses: a dose whose drug is named only in the previous piece, a list introduced across it.
 */
import type { Analysis } from '../core/analyze';
import type { Mention } from '../core/mentions';

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

/**
 * A copy of a piece's analysis (as placed in the last pass), `delta` characters further; the original is left
 * as it is, for the last pass's analysis is still read until this one ends.
 */
function movedCopy(a: Analysis, delta: number): Analysis {
  const move = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: s.start + delta, end: s.end + delta });
  const mentions = new Map<Mention, Mention>();
  const mention = (m: Mention) => {
    let copy = mentions.get(m);
    if (!copy) mentions.set(m, (copy = move(m)));
    return copy;
  };
  return {
    prose: { text: a.prose.text, blocks: a.prose.blocks.map(move) },
    mentions: a.mentions.map(mention),
    doses: a.doses.map((d) => {
      const copy = { ...move(d), unitStart: d.unitStart + delta };
      if (d.basisStart !== undefined) copy.basisStart = d.basisStart + delta;
      if (d.drug) copy.drug = mention(d.drug);
      return copy;
    }),
    findings: a.findings.map((f) => (f.fixes ? { ...move(f), fixes: f.fixes.map((x) => ({ ...x, edit: move(x.edit) })) } : move(f))),
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The pieces of a pass, by their text: where each was, and its analysis there. */
export type PassPieces = Map<string, { start: number; analysis: Analysis }>;

/**
 * The analysis of the whole text, piece by piece; undefined when `stale()` said the text changed meanwhile.
 * A piece whose text was a piece of the last pass (`previous`) takes its analysis from there, moved: an edit
 * in a 10 MB document re-analyses the piece it falls in, not the ten megabytes.
 */
export async function analyzeInPieces(text: string, size: number, analyse: (piece: string) => Analysis, stale: () => boolean,
  previous: PassPieces = new Map()): Promise<{ analysis: Analysis; pieces: PassPieces } | undefined> {
  const starts = pieceStarts(text, size);
  const whole: Analysis = { prose: { text: '', blocks: [] }, mentions: [], doses: [], findings: [] };
  const pieces: PassPieces = new Map();
  for (let i = 0; i < starts.length; i++) {
    await nextTurn();
    if (stale()) return undefined;
    const piece = text.slice(starts[i], starts[i + 1] ?? text.length);
    const before = previous.get(piece);
    let a: Analysis;
    if (before) a = movedCopy(before.analysis, starts[i] - before.start);
    else shift((a = analyse(piece)), starts[i]);
    if (!pieces.has(piece)) pieces.set(piece, { start: starts[i], analysis: a });
    // A rope of the pieces' prose texts (which their mentions' texts keep alive anyway): made flat only if read whole.
    whole.prose.text += a.prose.text;
    whole.prose.blocks.push(...a.prose.blocks);
    whole.mentions.push(...a.mentions);
    whole.doses.push(...a.doses);
    whole.findings.push(...a.findings);
  }
  return { analysis: whole, pieces };
}
