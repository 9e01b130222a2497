/**
 * The edits made to a document since its last analysis, so that the analysis can be read in today's text
 * without analysing again: an offset moves by what was inserted or deleted before it, and a span that an
 * edit touched has no counterpart. « La prégabaline » analysed, then « Chez l’adulte, » typed at its start:
 * the mention 3–14 is now 18–29; « s » typed after « prégabaline »: the mention is gone until the next pass.
 */

interface Edit {
  /** Replaced span, in the text as it was just before this edit. */
  start: number;
  end: number;
  /** Length of the text put in its place. */
  length: number;
}

/** Past this many edits without an analysis the log gives up (every reading is then « unknown »). */
const MAX_EDITS = 10_000;

export class EditLog {
  private readonly edits: Edit[] = [];
  /** The whole text was replaced, or too many edits: nothing maps any more. */
  private lost = false;

  record(start: number, end: number, length: number): void {
    if (this.edits.length >= MAX_EDITS) this.lost = true;
    else this.edits.push({ start, end, length });
  }

  /** The whole text was replaced (a change without a range). */
  replaceAll(): void {
    this.lost = true;
  }

  get usable(): boolean {
    return !this.lost;
  }

  /** A span of the analysed text in today's text, or undefined when an edit touched it (or is adjacent to it). */
  span(start: number, end: number): { start: number; end: number } | undefined {
    if (this.lost) return undefined;
    for (const e of this.edits) {
      if (e.start > end) continue;
      if (e.end >= start) return undefined;
      const delta = e.length - (e.end - e.start);
      start += delta;
      end += delta;
    }
    return { start, end };
  }

  /**
   * An offset of today's text in the analysed text. Inside text typed since, undefined, or with `clamp`
   * the place where that text was typed.
   */
  analysed(offset: number, clamp = false): number | undefined {
    if (this.lost) return clamp ? 0 : undefined;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i];
      if (offset <= e.start) continue;
      if (offset >= e.start + e.length) offset += (e.end - e.start) - e.length;
      else if (clamp) offset = e.start;
      else return undefined;
    }
    return offset;
  }
}
