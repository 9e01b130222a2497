/**
 * Where a warm analysis of the bench's 1 MB document spends its time, stage by stage (median of 5 after 3
 * warm-up passes). Example: `npx tsx scripts/phases.ts` prints « prose 31.6 », « tokenize 26.4 »… in ms.
 * The stages are called as `analyze` calls them, without its NFC copy nor its last filters (% doses, common
 * words without a dose): a breakdown, not a second analysis; `ALL` times `analyze` itself.
 */
import { extractProse } from '../server/src/core/prose';
import { findMentions, tokenize } from '../server/src/core/mentions';
import { findDoses } from '../server/src/core/doses';
import { findTableDoses } from '../server/src/core/dose/tables';
import { attachDoses, splitSentences, contextOf } from '../server/src/core/attach';
import { runRules } from '../server/src/core/rules/registry';
import { Speller } from '../server/src/core/suggest';
import { isNfc } from '../server/src/core/nfc';
import { analyze } from '../server/src/core/analyze';
import { loadLexicon } from '../server/src/core/load';
import { bigDocument, ROOT } from './bench/documents';
import { join } from 'node:path';
const lexicon = loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));
const source = bigDocument(1024*1024).text;
const speller = new Speller(lexicon);
const T: Record<string, number[]> = {};
function lap(name: string, t: number) { (T[name] ??= []).push(performance.now() - t); return performance.now(); }
for (let r = 0; r < 8; r++) {
  let t = performance.now();
  isNfc(source); t = lap('nfc', t);
  const prose = extractProse(source); t = lap('prose', t);
  const tokens = tokenize(prose.text, lexicon); t = lap('tokenize', t);
  const all = findMentions(prose.text, tokens, lexicon); t = lap('mentions', t);
  const drugs = all.filter((m) => m.kind === 'drug');
  const inMention = new Uint8Array(source.length);
  for (const m of all) inMention.fill(1, m.start, m.end);
  const findings = runRules('words', { text: prose.text, tokens, covered: (x: any) => inMention[x.start] === 1, lexicon, speller } as any); t = lap('words', t);
  const sentences = splitSentences(prose); t = lap('sentences', t);
  const written = findDoses(prose.text); t = lap('doses', t);
  const inTables = findTableDoses(prose, written); t = lap('tables', t);
  const found = inTables.length ? [...written, ...inTables].sort((a, b) => a.start - b.start) : written;
  const attached = attachDoses(prose, sentences, found, drugs, findings); t = lap('attach', t);
  const doses: any[] = found.map((d: any) => ({ ...d, drug: attached.get(d)?.drug }));
  runRules('doses', { doses, lexicon, contextAt: (o: number) => contextOf(prose, sentences, o) } as any); t = lap('doseRules', t);
  analyze(source, lexicon); t = lap('ALL', t);
  if (r==0) console.log('tokens', tokens.length, 'mentions', all.length, 'doses', found.length, 'blocks', prose.blocks.length);
}
for (const [k, v] of Object.entries(T)) { const s = v.slice(3).sort((a,b)=>a-b); console.log(k.padEnd(10), s[Math.floor(s.length/2)].toFixed(1)); }
