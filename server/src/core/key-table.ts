/**
 * Records by key without a Map built at run time: the keys in record order, joined by line breaks with their
 * starts, and the record indexes ordered by key at data-build time (code-unit order; for one key, the last
 * record first, as a Map built from the list would keep it). « pregabaline » → substance 1834, by binary search.
 */
import type { Text } from './index-types';

export class KeyTable {
  /** Keys cut from the text so far (a lookup compares some fifteen: each is cut once, then kept). */
  private readonly cut: (string | undefined)[];

  constructor(private readonly text: Text, private readonly starts: Int32Array, private readonly order: Int32Array) {
    this.cut = new Array<string | undefined>(Math.max(0, starts.length - 1));
  }

  /** The key of record i. */
  key(i: number): string {
    return (this.cut[i] ??= this.text.slice(this.starts[i], this.starts[i + 1] - 1));
  }

  /** The record of a key, or undefined. */
  find(key: string): number | undefined {
    const order = this.order;
    let lo = 0, hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.key(order[mid]) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < order.length && this.key(order[lo]) === key ? order[lo] : undefined;
  }
}

/** The order a KeyTable searches: record indexes by key, the last record of a key first. */
export function keyOrder(keys: string[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : b - a));
  return Int32Array.from(order);
}
