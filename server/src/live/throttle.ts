/**
 * When a document's next pass comes, in push mode: at once when none started within `delay` (a keystroke after
 * a pause), else `delay` after the last one started (keystrokes meanwhile are taken with it). A pass « at once »
 * still waits for the messages already received, so that a burst of changes makes one pass.
 *   « p » typed after a pause: analysed now; « r », « é » typed 10 and 20 ms later: one pass, 50 ms after the first.
 */
export class Throttle {
  /** The pass waiting to start, per document. */
  readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document's last pass started (performance.now()). */
  readonly passed = new Map<string, number>();

  constructor(private readonly delay: () => number, private readonly run: (uri: string) => void) {}

  /** A pass now (a document opened). */
  now(uri: string): void {
    this.passed.set(uri, performance.now());
    this.run(uri);
  }

  /** A pass as soon as the throttle allows (a document changed); nothing more if one is waiting already. */
  soon(uri: string): void {
    if (this.timers.has(uri)) return;
    const wait = Math.max(0, (this.passed.get(uri) ?? -Infinity) + this.delay() - performance.now());
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.now(uri);
    }, wait));
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.passed.delete(uri);
  }
}
