/**
 * The inline constructs of a prose block that are not prose, blanked in place (same offsets):
 * code spans (CommonMark backtick runs), link destinations and titles `[texte](…)`, reference labels
 * `[texte][ref]`, autolinks `<https://…>`, inline HTML and comments, bare URLs. Link texts stay prose.
 */
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)>/;
const HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'\])]+[^\s<>"'\]).,;:!?]/g;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

function blank(out: Uint16Array, start: number, end: number): void {
  for (let i = start; i < end; i++) if (out[i] !== 10 && out[i] !== 13) out[i] = 32;
}

/** Offset just past the `)` closing a link destination that starts at `open` (the `(`), or -1. */
function destinationEnd(s: string, open: number, end: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < end; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") { if (s[i - 1] === ' ') quote = c; continue; }
    if (c === '<' && i === open + 1) {
      const close = s.indexOf('>', i);
      if (close < 0 || close >= end) return -1;
      i = close;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\n' && s[i + 1] === '\n') return -1;
  }
  return -1;
}

export function blankInline(s: string, from: number, end: number, out: Uint16Array): void {
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (PUNCTUATION.test(s[i + 1] ?? '')) i++;
    } else if (c === 96 /* ` */) {
      let n = 1;
      while (s.charCodeAt(i + n) === 96) n++;
      // The code span closes at the next run of exactly n backticks.
      let j = i + n;
      let close = -1;
      while (j < end) {
        const k = s.indexOf('`', j);
        if (k < 0 || k >= end) break;
        let m = 1;
        while (s.charCodeAt(k + m) === 96) m++;
        if (m === n) { close = k; break; }
        j = k + m;
      }
      if (close >= 0) {
        blank(out, i, close + n);
        i = close + n - 1;
      } else i += n - 1;
    } else if (c === 60 /* < */) {
      if (s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        if (close >= 0 && close < end) {
          blank(out, i, close + 3);
          i = close + 2;
        }
        continue;
      }
      const rest = s.slice(i, Math.min(end, i + 512));
      const m = AUTOLINK.exec(rest) ?? HTML_TAG.exec(rest);
      if (m) {
        blank(out, i, i + m[0].length);
        i += m[0].length - 1;
      }
    } else if (c === 93 /* ] */) {
      const next = s.charCodeAt(i + 1);
      if (next === 40 /* ( */) {
        const close = destinationEnd(s, i + 1, end);
        if (close > 0) {
          blank(out, i + 1, close);
          i = close - 1;
        }
      } else if (next === 91 /* [ */) {
        const close = s.indexOf(']', i + 2);
        if (close > 0 && close < end && !s.slice(i + 2, close).includes('[')) {
          blank(out, i + 1, close + 1);
          i = close;
        }
      }
    }
  }
  const segment = s.slice(from, end);
  for (const m of segment.matchAll(BARE_URL)) blank(out, from + m.index!, from + m.index! + m[0].length);
}
