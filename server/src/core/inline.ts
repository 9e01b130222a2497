/**
 * The inline constructs of a prose block that are not prose: code spans (CommonMark backtick runs),
 * link destinations and titles `[texte](…)`, reference labels `[texte][ref]`, autolinks `<https://…>`,
 * inline HTML and comments, bare URLs. Link texts stay prose. Found as [start, end) source ranges.
 * « La [prégabaline](https://ex.org/a) à 150 mg » → the range of `(https://ex.org/a)`.
 *
 * Linear in the block: every search for a closing mark remembers its answer (the next `-->` after a
 * point is the same for every later opener before it), and a destination gives up past 32 nested
 * parentheses, as markdown-it does, so 100,000 « ]( » are read in one pass, not 100,000.
 * Over a whole document (`InlineScanner`), a block without any of the marks that open these constructs is
 * skipped: each mark's next occurrence is searched once past the last one found, by the native search.
 */
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)>/;
const HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'\])]+[^\s<>"'\]).,;:!?]/g;
const SPECIAL = /[`<\]\\]/g;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Deepest nesting of parentheses in a link destination (markdown-it's limit). */
const MAX_DEPTH = 32;

/**
 * The next occurrence of a string in s[.., end), remembered: a later search from a point at or after the
 * last one's start gets the same answer while that answer is still ahead, so repeated searches for a
 * mark that is far away or absent scan the block once.
 */
class NextOf {
  private from = Infinity;
  private at = -1;
  constructor(private readonly s: string, private readonly needle: string, private readonly end: number) {}
  find(from: number): number {
    if (from < this.from || (this.at >= 0 && this.at < from)) {
      const at = this.s.indexOf(this.needle, from);
      this.at = at >= 0 && at + this.needle.length <= this.end ? at : -1;
      this.from = from;
    }
    return this.at;
  }
}

/** Offset just past the `)` closing a link destination that starts at `open` (the `(`), or -1. */
function destinationEnd(s: string, open: number, end: number, angle: NextOf): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < end; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") { if (s[i - 1] === ' ') quote = c; continue; }
    if (c === '<' && i === open + 1) {
      const close = angle.find(i);
      if (close < 0) return -1;
      i = close;
      continue;
    }
    if (c === '(') { if (++depth > MAX_DEPTH) return -1; }
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\n' && s[i + 1] === '\n') return -1;
  }
  return -1;
}

/**
 * Offset of the run of exactly `n` backticks closing a code span opened before `from`, or -1. Linear
 * overall: an opener of n backticks that finds no closer is the last run of that length in the block.
 */
function codeSpanClose(s: string, from: number, end: number, n: number): number {
  for (let j = from; j < end; ) {
    const k = s.indexOf('`', j);
    if (k < 0 || k >= end) break;
    let m = 1;
    while (s.charCodeAt(k + m) === 96) m++;
    if (m === n && k + m <= end) return k;
    j = k + m;
  }
  return -1;
}

/**
 * The marks without which a block has no non-prose construct: a code span, an autolink or HTML, a link's
 * destination or label (after its `]`) and a bare URL each start with or hold one of them.
 */
const MARKS = ['`', '<', ']', 'http', 'www.'];
/** Index of the URL marks in MARKS: only they can start a bare URL. */
const URL_MARKS = 3;

/**
 * The non-prose inline spans of the blocks of one text, asked for in text order: a block that holds none of
 * the MARKS is passed over at the cost of a comparison per mark.
 */
export class InlineScanner {
  /** Per mark, its first occurrence at or after `from` (-1: none). */
  private readonly next: number[] = MARKS.map(() => -1);
  private from = Infinity;
  constructor(private readonly s: string) {}
  /** Appends to `ranges` (flat start, end pairs, in order) the non-prose inline spans of s[from, end). */
  nonProse(from: number, end: number, ranges: number[]): void {
    const next = this.next;
    const rewind = from < this.from;
    let marks = false, urls = false;
    for (let k = 0; k < MARKS.length; k++) {
      if (rewind || (next[k] >= 0 && next[k] < from)) next[k] = this.s.indexOf(MARKS[k], from);
      if (next[k] >= 0 && next[k] < end) { marks = true; if (k >= URL_MARKS) urls = true; }
    }
    this.from = from;
    if (marks) inlineNonProse(this.s, from, end, ranges, urls);
  }
}

/**
 * Appends to `ranges` (flat start, end pairs, in order) the non-prose inline spans of s[from, end);
 * `urls`: false when the caller knows the block has no « http » nor « www. ».
 */
export function inlineNonProse(s: string, from: number, end: number, ranges: number[], urls = true): void {
  const found: number[] = [];
  // Regexes run over the block's own text (a search from `from` in the whole source would scan on
  // past `end`, once per block).
  const block = s.slice(from, end);
  const comments = new NextOf(s, '-->', end), angles = new NextOf(s, '>', end), brackets = new NextOf(s, ']', end);
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(block); m; m = SPECIAL.exec(block)) {
    const i = from + m.index;
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (PUNCTUATION.test(s[i + 1] ?? '')) SPECIAL.lastIndex = i + 2 - from;
    } else if (c === 96 /* ` */) {
      let n = 1;
      while (s.charCodeAt(i + n) === 96) n++;
      const close = codeSpanClose(s, i + n, end, n);
      if (close >= 0) found.push(i, close + n);
      SPECIAL.lastIndex = (close >= 0 ? close + n : i + n) - from;
    } else if (c === 60 /* < */) {
      if (s.startsWith('<!--', i)) {
        const close = comments.find(i + 4);
        if (close >= 0) {
          found.push(i, close + 3);
          SPECIAL.lastIndex = close + 3 - from;
        }
        continue;
      }
      const rest = s.slice(i, Math.min(end, i + 512));
      const tag = AUTOLINK.exec(rest) ?? HTML_TAG.exec(rest);
      if (tag) {
        found.push(i, i + tag[0].length);
        SPECIAL.lastIndex = i + tag[0].length - from;
      }
    } else {
      const next = s.charCodeAt(i + 1);
      if (next === 40 /* ( */) {
        const close = destinationEnd(s, i + 1, end, angles);
        if (close > 0) {
          found.push(i + 1, close);
          SPECIAL.lastIndex = close - from;
        }
      } else if (next === 91 /* [ */) {
        const close = brackets.find(i + 2);
        if (close > 0 && s.lastIndexOf('[', close) === i + 1) {
          found.push(i + 1, close + 1);
          SPECIAL.lastIndex = close + 1 - from;
        }
      }
    }
  }
  const constructs = found.length;
  if (urls) for (const m of block.matchAll(BARE_URL)) found.push(from + m.index!, from + m.index! + m[0].length);
  if (found.length === constructs) {
    for (const at of found) ranges.push(at);
    return;
  }
  // Two sorted lists (constructs, then URLs): merge them in order.
  const pairs: [number, number][] = [];
  for (let k = 0; k < found.length; k += 2) pairs.push([found[k], found[k + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [a, b] of pairs) ranges.push(a, b);
}
