/**
 * Which open documents are known to hold no MedLint directive, kept edit by edit, so that the diagnostics of a
 * keystroke do not search the whole text for « medlint- » (≈ 0.7 ms per MB, on every pull). A document is
 * searched once, when its diagnostics are first asked for; then an edit makes it « may hold » only if the mark
 * appears around it: typing « <!-- medlint-disable-line --> » does, « La prégabaline » does not, and deleting
 * the space of « medlint -disable » does too (the window covers both sides of the edit).
 */

/** What every directive starts with (core/directives.ts). */
const MARK = 'medlint-';

export class DirectiveMarks {
  /** Documents whose text holds no mark. */
  private readonly free = new Set<string>();

  /** `length` characters put at `start` of the document's new text (`text`). */
  changed(uri: string, text: string, start: number, length: number): void {
    if (!this.free.has(uri)) return;
    const around = text.slice(Math.max(0, start - (MARK.length - 1)), start + length + MARK.length - 1);
    if (around.includes(MARK)) this.free.delete(uri);
  }

  /** Whether the text may hold a directive: searched now unless known not to. */
  mayHold(uri: string, text: string): boolean {
    if (this.free.has(uri)) return false;
    if (text.includes(MARK)) return true;
    this.free.add(uri);
    return false;
  }

  /** The whole text replaced, or the document closed: nothing known any more. */
  forget(uri: string): void {
    this.free.delete(uri);
  }
}
