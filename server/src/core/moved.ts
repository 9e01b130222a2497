/**
 * A stretch's results at their place in the document, for core/incremental.ts: copies moved by a number of
 * characters, and the results kept from one call to the next, moved in place where an edit moved their stretch.
 * « Chez l’adulte, » typed at the start of 1 MB: every stretch after it keeps its mentions, unknown words, blocks
 * and doses, each 15 characters further, the same objects.
 */
import type { AttachedDose } from './analyze';
import type { Block } from './prose';
import type { Mention } from './mentions';
import type { Finding } from './checks';
import type { Dose } from './doses';
import type { Piece } from './pieces';

/** The dose rules' last run on a stretch's dose (`Piece.ruled`). */
export type Ruled = NonNullable<Piece['ruled'][number]>;

/** A copy of a mention, a finding or a dose, `shift` characters further. */
export function movedMention(m: Mention, shift: number): Mention {
  return { ...m, start: m.start + shift, end: m.end + shift };
}
export function movedFinding(f: Finding, shift: number): Finding {
  const moved: Finding = { ...f, start: f.start + shift, end: f.end + shift };
  if (f.fixes) moved.fixes = f.fixes.map((x) => ({ ...x, edit: { ...x.edit, start: x.edit.start + shift, end: x.edit.end + shift } }));
  return moved;
}
export function movedDose(d: Dose, shift: number): AttachedDose {
  const moved: AttachedDose = { ...d, start: d.start + shift, end: d.end + shift, unitStart: d.unitStart + shift };
  if (d.basisStart !== undefined) moved.basisStart = d.basisStart + shift;
  return moved;
}

/**
 * A stretch's mentions, unknown words, blocks and doses at its place in the document. Kept for the next call, where
 * a stretch at the same place takes them as they are, and one moved by the edit takes them moved in place:
 * an analysis's mentions, doses, findings and blocks are the analyzer's own, valid until its next call.
 */
export interface Moved {
  piece: Piece; start: number; mentions: Mention[]; unknown: Finding[]; blocks: Block[];
  /** Per dose of the stretch, the dose the last call gave (its drug and verdict set) and the rules' run it had. */
  doses: ({ dose: AttachedDose; ruled: Ruled } | undefined)[];
}
/** The stretches' moved results, by their start. */
export type MovedMemory = Map<number, Moved>;

export class Movings {
  readonly kept: MovedMemory = new Map();
  /** `previous`: the last call's, taken from as they are used; `shift`: how much longer the text is now. */
  constructor(private readonly previous: MovedMemory, private readonly shift: number) {}

  of(piece: Piece, start: number): Moved {
    let m = this.take(piece, start);
    if (!m && this.shift !== 0 && (m = this.take(piece, start - this.shift))) moveBy(m, this.shift);
    m ??= {
      piece, start, mentions: piece.mentions.map((x) => movedMention(x, start)), unknown: piece.unknown.map((f) => movedFinding(f, start)),
      blocks: piece.prose.blocks.map((b) => ({ kind: b.kind, start: b.start + start, end: b.end + start })), doses: [],
    };
    m.start = start;
    this.kept.set(start, m);
    return m;
  }

  private take(piece: Piece, start: number): Moved | undefined {
    const m = this.previous.get(start);
    if (m?.piece !== piece) return undefined;
    this.previous.delete(start);
    return m;
  }
}

function moveBy(m: Moved, shift: number): void {
  for (const x of m.mentions) { x.start += shift; x.end += shift; }
  for (const b of m.blocks) { b.start += shift; b.end += shift; }
  for (const d of m.doses) {
    if (!d) continue;
    d.dose.start += shift;
    d.dose.end += shift;
    d.dose.unitStart += shift;
    if (d.dose.basisStart !== undefined) d.dose.basisStart += shift;
  }
  for (const f of m.unknown) {
    f.start += shift;
    f.end += shift;
    for (const fix of f.fixes ?? []) { fix.edit.start += shift; fix.edit.end += shift; }
  }
}
