import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractProse } from '../server/src/core/prose';
import { findMentions, tokenize } from '../server/src/core/mentions';
import { findDoses } from '../server/src/core/doses';
import { attachDoses, splitSentences } from '../server/src/core/attach';
import { findUnknownDrugs } from '../server/src/core/checks';
import { loadLexicon } from '../server/src/core/load';
import { Speller } from '../server/src/core/suggest';
const lex = loadLexicon(join(__dirname, '..', 'dist', 'medlint-index.json'));
const text = readFileSync(join(__dirname, '..', 'test/fixtures/corpus/douleurs-neuropathiques.md'), 'utf8');
const sp = new Speller(lex);
const T: Record<string, number> = {};
const time = <R>(k: string, f: () => R): R => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 100; i++) {
  const prose = time('prose', () => extractProse(text));
  const tokens = time('tokenize', () => tokenize(prose.text));
  const m = time('mentions', () => findMentions(prose.text, tokens, lex));
  const s = time('sentences', () => splitSentences(prose));
  const d = time('doses', () => findDoses(prose.text));
  time('attach', () => attachDoses(prose, s, d, m.filter((x) => x.kind === 'drug')));
  const inM = new Uint8Array(text.length); for (const x of m) inM.fill(1, x.start, x.end);
  time('unknown', () => findUnknownDrugs(prose.text, tokens, (t) => inM[t.start] === 1, lex, sp));
  if (i === 19) for (const k in T) T[k] = 0;
}
for (const k in T) console.log(k, (T[k] / 80).toFixed(2), 'ms');
