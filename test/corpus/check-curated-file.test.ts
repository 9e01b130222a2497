/**
 * data/build/check-curated-file.ts checks a ranges file with the build's own readers and name steps: a name the
 * build resolves otherwise, inverted bounds, a CIS whose spécialité is not the one the source names.
 *
 *   « levetiracetam » → « resolves to « lévétiracétam »; write that name »
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('check-curated-file names problems with the build’s own readers and name steps', async () => {
  const { rangeFileProblems } = await import('../../data/build/check-curated-file');
  const source = { type: 'rcp', title: 'VIMPAT 50 mg, comprimé pelliculé', cis: '60132330', section: '4.2', url: 'https://example.org' };
  const range = { context: 'épilepsie', route: 'orale', population: 'adulte', unit: 'mg', per: 'day', source };
  const problems = rangeFileProblems({ ranges: [
    { ...range, substance: 'levetiracetam', min: 500, max: 3000 },
    { ...range, substance: 'lacosamide', min: 600, max: 100 },
  ] } as never);
  assert.deepEqual(problems, [
    '#0 levetiracetam: resolves to « lévétiracétam »; write that name',
    '#0 levetiracetam: CIS 60132330 is « KEPPRA 100 mg/ml, solution buvable », not « VIMPAT 50 mg, comprimé pelliculé »',
    '#1 lacosamide: min 600 > max 100',
    '#1 lacosamide: CIS 60132330 is « KEPPRA 100 mg/ml, solution buvable », not « VIMPAT 50 mg, comprimé pelliculé »',
  ]);
});
