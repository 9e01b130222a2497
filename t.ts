import { readFileSync } from 'node:fs';
import { Lexicon } from './server/src/core/lexicon';
import { analyze } from './server/src/core/analyze';
const lex = new Lexicon(JSON.parse(readFileSync('dist/medlint-index.json','utf8')));
for (const f of ['douleurs-neuropathiques','sep-traitements-2020','lupus-recherche-2023-2025','myopathies-inflammatoires','epilepsie-therapies-ciblees']) {
  const src = readFileSync(`test/fixtures/corpus/${f}.md`,'utf8');
  const a = analyze(src, lex);
  console.log('=====', f, a.mentions.length, a.doses.length, a.findings.length);
  console.log('M', a.mentions.map(m => `${m.text}→${m.id}`).join(' | '));
  console.log('D', a.doses.map(d => `${d.text}[${d.per}]→${d.drug?.id}`).join(' | '));
  for (const x of a.findings) console.log('F', x.code, x.severity, JSON.stringify(src.slice(x.start,x.end)), x.message);
}
