/**
 * A document's former texts, given back to the system while it is typed into. Each keystroke makes a new text
 * (2 MB for 1 MB of French: UTF-16), and V8 frees a string that large only at a major collection, which its
 * heuristics put off while the heap may still grow: 20 keystrokes in 1 MB left ≈ 40 MB of former texts behind
 * (RSS 86 → 124–140 MB). The server tells `FormerTexts` each text it lets go; once they add up to `budget`
 * characters, it asks V8 for a major collection, incremental (marked in steps between messages, swept on the
 * other core), so that memory stays flat across edits. V8's collector is reached through `--expose-gc`, set at
 * run time since no editor passes Node flags to the server; a runtime that refuses it collects as before.
 *   budget 4 Mi characters, a 1 MB document: one collection every 4 keystrokes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'async' }) => void;

/** V8's collector (asked for at the first collection only), or undefined where the runtime does not give it. */
function v8Collector(): Collect | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : undefined;
  } catch {
    return undefined;
  }
}

export class FormerTexts {
  private chars = 0;
  private scheduled = false;
  private collector?: Collect | null;

  /** `collect`: for tests; by default V8's own, incremental. */
  constructor(private readonly budget: () => number, private readonly collect?: Collect) {}

  /** A text of `length` characters is no longer held by the server. */
  letGo(length: number): void {
    this.chars += length;
    if (this.chars < this.budget() || this.scheduled) return;
    this.scheduled = true;
    // After the message being handled: its answer first.
    setImmediate(() => {
      this.scheduled = false;
      this.chars = 0;
      if (this.collect) return this.collect({ type: 'major', execution: 'async' });
      if (this.collector === undefined) this.collector = v8Collector() ?? null;
      this.collector?.({ type: 'major', execution: 'async' });
    });
  }
}
