/**
 * A document's former texts, given back to the system while it is typed into. Each keystroke makes a new text
 * (2 MB for 1 MB of French: UTF-16), and V8 frees a string that large only at a major collection, which its
 * heuristics put off while the heap may still grow: 20 keystrokes in 1 MB left ≈ 40 MB of former texts behind
 * (RSS 86 → 124–140 MB). The server tells `FormerTexts` each text it lets go; V8 is asked for a major collection,
 * incremental (marked in steps between messages, swept on the other core), once the writer pauses (`idleMs`
 * without a text let go) or, typing on, once they add up to `budget` characters: memory stays flat across
 * edits, and a collection (≈ 20 ms of marking for a 1 MB document) comes at most once per `budget` typed.
 * V8's collector is reached through `--expose-gc`, set at run time since no editor passes Node flags to the
 * server; a runtime that refuses it collects as before. A collection asked for is a whole one, run at the next
 * turn (≈ 25–35 ms for a 1 MB document on this 2-core machine): over the budget it comes after the next answer
 * the server sends (`answered`: the diagnostics an editor pulls with each keystroke), or `settleMs` after the edit
 * if none comes; a pause is one without edits nor hovers and completions (`reading`).
 *   budget 16 Mi characters, a 1 MB document: one collection per pause, or per 16 keystrokes without one.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Collect = (options: { type: 'major'; execution: 'async' }) => void;

/** V8's collector, or undefined where the runtime does not give it. */
function v8Collector(): Collect | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : undefined;
  } catch {
    return undefined;
  }
}

export interface FormerTextsLimits {
  budget: number;
  idleMs: number;
  /** Over the budget, how long after the edit the collection waits at most for an answer to come after. */
  settleMs: number;
}

export class FormerTexts {
  private chars = 0;
  private scheduled = false;
  /** Over the budget: the collection waiting for the next answer (at the latest, this timer's). */
  private due?: NodeJS.Timeout;
  private idle?: NodeJS.Timeout;
  /** V8's collector, asked for at the first collection (undefined: not yet; null: refused). */
  private collector?: Collect | null;

  /** `collect`: for tests; by default V8's own. */
  constructor(private readonly limits: () => FormerTextsLimits, private readonly collect?: Collect) {}

  /** A text of `length` characters is no longer held by the server. */
  letGo(length: number): void {
    this.chars += length;
    const { budget, idleMs, settleMs } = this.limits();
    if (this.chars >= budget && !this.scheduled) {
      this.scheduled = true;
      // Not at once: after the answer to the requests that come with the edit (an editor pulls diagnostics and
      // asks for a completion right after its didChange), for a collection stops the server for ≈ 25–35 ms.
      (this.due = setTimeout(() => this.collectNow(), settleMs)).unref();
    }
    if (this.idle) this.idle.refresh();
    else (this.idle = setTimeout(() => this.collectNow(), idleMs)).unref();
  }

  /**
   * The writer is reading (a hover, a completion): a collection waiting for a pause waits on, so that it does not
   * stop the answers that follow an edit (the texts it would free are within the budget meanwhile).
   */
  reading(): void {
    this.idle?.refresh();
  }

  /** The server sent an answer (diagnostics, a completion, a hover): a collection due over the budget comes next. */
  answered(): void {
    if (!this.due) return;
    clearTimeout(this.due);
    this.due = undefined;
    setImmediate(() => this.collectNow());
  }

  private collectNow(): void {
    this.scheduled = false;
    clearTimeout(this.due);
    this.due = undefined;
    clearTimeout(this.idle);
    this.idle = undefined;
    if (this.chars === 0) return;
    this.chars = 0;
    if (this.collect) return this.collect({ type: 'major', execution: 'async' });
    if (this.collector === undefined) this.collector = v8Collector() ?? null;
    this.collector?.({ type: 'major', execution: 'async' });
  }
}
