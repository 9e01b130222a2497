/**
 * The first analysis in a fresh process, the one a session pays for (regexes compiled, code not yet optimised):
 * CPU milliseconds to load the index, then to analyse the largest article or the bench's 1 MB document.
 * Bundle it (tsx distorts timings) and run it fresh each time, e.g.
 * `esbuild scripts/first-pass.ts --bundle --platform=node --outfile=/tmp/first-pass.js && node /tmp/first-pass.js big`
 * prints « {"imports":41.2,"load":9.8,"analyze":352.1} ».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { loadLexicon } from '../server/src/core/load';
import { bigDocument, CORPUS, ROOT } from './bench/documents';

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const imported = cpu();
const which = process.argv[2] ?? 'article';
const text = which === 'big' ? bigDocument(1024 * 1024).text : readFileSync(join(CORPUS, 'douleurs-neuropathiques.md'), 'utf8');
const ready = cpu();
const lexicon = loadLexicon(join(process.env.MEDLINT_ROOT ?? ROOT, 'dist', 'medlint-index.bin'));
const loaded = cpu();
analyze(text, lexicon);
const analysed = cpu();
const round = (x: number) => Math.round(x * 10) / 10;
console.log(JSON.stringify({ imports: round(imported), load: round(loaded - ready), analyze: round(analysed - loaded) }));
