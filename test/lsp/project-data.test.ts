/**
 * The server in-process (test/support/lsp-harness.ts) with a project's `.medlint.json` `data`: hover on the
 * project's drug, its range checked, and a change of the file applied without a restart.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../support/lsp-harness';

const dir = mkdtempSync(join(tmpdir(), 'medlint-project-data-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const SOURCE = { type: 'publication', title: 'Protocole interne ZRB-101, version 3, section 6.1', url: 'https://example.org/zrb-101' };
const project = (max: number) => JSON.stringify({ data: {
  substances: [{ name: 'zorblimab', brands: ['ZORBLIX'], source: SOURCE }],
  ranges: [{ substance: 'zorblimab', context: 'toutes indications', route: 'orale', population: 'adulte', min: 10, max, unit: 'mg', per: 'day', source: SOURCE }],
} });
const uri = pathToFileURL(join(dir, 'a.md')).href;
const text = 'Le zorblimab à 80 mg/j.\n';

async function withServer(run: (s: Awaited<ReturnType<typeof startServer>>) => Promise<void>) {
  const s = await startServer();
  try {
    await s.initialize();
    s.open(uri, text);
    await run(s);
  } finally {
    s.dispose();
  }
}
const codes = async (s: Awaited<ReturnType<typeof startServer>>) =>
  ((await s.request('textDocument/diagnostic', { textDocument: { uri } })).items as any[]).map((d) => `${d.code} ${d.message}`);

test('hover on the project’s drug shows its card, with its range and the project as its source', async () => {
  writeFileSync(join(dir, '.medlint.json'), project(40));
  await withServer(async (s) => {
    const hover = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.match(hover.contents.value, /^\*\*zorblimab\*\* — DCI · marque : ZORBLIX/);
    assert.match(hover.contents.value, /10–40\u202Fmg\/j/);
    assert.match(hover.contents.value, /\[Protocole interne ZRB-101, version 3, section 6\.1\]\(https:\/\/example\.org\/zrb-101\)/);
    assert.match(hover.contents.value, /Ajout du projet \(\.medlint\.json\)/);
  });
});

test('a change of the project file applies without a restart (watched file)', async () => {
  writeFileSync(join(dir, '.medlint.json'), project(40));
  await withServer(async (s) => {
    assert.deepEqual(await codes(s), ['dose-above-max zorblimab : 80 mg/j > max 40 mg/j — toutes indications ; Protocole interne ZRB-101, version 3, section 6.1.']);
    writeFileSync(join(dir, '.medlint.json'), project(100));
    await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.medlint.json')).href, type: 2 }] });
    assert.deepEqual(await codes(s), []);
  });
});

test('an invalid data entry is shown on the project file, and the last good configuration is kept', async () => {
  writeFileSync(join(dir, '.medlint.json'), project(40));
  await withServer(async (s) => {
    assert.equal((await codes(s)).length, 1);
    const fileUri = pathToFileURL(join(dir, '.medlint.json')).href;
    writeFileSync(join(dir, '.medlint.json'), project(40).replace(/,"source":\{[^}]*\}\}\]\}\}$/, '}]}}'));
    const shown = s.nextDiagnostics(fileUri);
    await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    assert.deepEqual(await codes(s), ['dose-above-max zorblimab : 80 mg/j > max 40 mg/j — toutes indications ; Protocole interne ZRB-101, version 3, section 6.1.']);
    assert.deepEqual((await shown).map((d: any) => [d.severity, d.range.start, d.message]), [
      [1, { line: 0, character: 204 }, 'data.ranges.0 (zorblimab) : propriété « source » obligatoire (chaque fait cite sa source)'],
    ]);
  });
});

test('the look-up lists the project’s names for a document of the project, and shows their cards', async () => {
  writeFileSync(join(dir, '.medlint.json'), project(40));
  await withServer(async (s) => {
    const names: { id: number; label: string; description: string }[] = await s.request('medlint/names', { uri });
    const own = names.find((n) => n.label === 'zorblimab');
    assert.deepEqual(own && { label: own.label, description: own.description }, { label: 'zorblimab', description: 'DCI' });
    const card = await s.request('medlint/card', { id: own!.id, uri });
    assert.match(card.markdown, /^\*\*zorblimab\*\* — DCI/);
    assert.equal((await s.request('medlint/names', {})).some((n: { label: string }) => n.label === 'zorblimab'), false);
  });
});
