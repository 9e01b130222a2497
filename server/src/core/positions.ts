/** Offsets ↔ LSP positions (0-based line, UTF-16 character), over "\n", "\r\n" or "\r". */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) { this.starts.push(i + 2); i++; }
      else if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offset(p: Position): number {
    const start = this.starts[Math.min(Math.max(p.line, 0), this.starts.length - 1)];
    return Math.min(start + Math.max(p.character, 0), this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
