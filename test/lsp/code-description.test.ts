/**
 * `codeDescription` on diagnostics (server in-process, test/support/lsp-harness.ts): a dose finding links to the
 * source of the range it cites (the RCP's BDPM page), which VS Code shows as the rule code's link in the
 * Problems panel and the hover; a finding without a source links to the rules table of the project's README.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/lsp-harness';
import { ruleDocLink } from '../../server/src/features/finding-link';

const uri = 'file:///code-description.md';

test('a dose above the maximum links to the BDPM page of the RCP its message cites; an unknown drug has no link while the repository is a placeholder', async () => {
  const s = await startServer();
  try {
    await s.initialize();
    s.open(uri, 'La prégabaline à 1200 mg/j.\n\nLa pregabalinne au coucher.\n');
    const { items } = await s.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(items.map((d: any) => [d.code, d.codeDescription]), [
      ['dose-above-max', { href: 'https://base-donnees-publique.medicaments.gouv.fr/extrait.php?specid=67928173' }],
      ['unknown-drug', undefined],
    ]);
  } finally {
    s.dispose();
  }
});

test('the rules table of the README on the repository’s address, none for a reserved .invalid address', () => {
  assert.equal(ruleDocLink('git+https://github.com/medlint/medlint.git'), 'https://github.com/medlint/medlint#rules');
  assert.equal(ruleDocLink('https://gitlab.example.org/equipe/medlint'), 'https://gitlab.example.org/equipe/medlint#rules');
  assert.equal(ruleDocLink('https://example.invalid/medlint.git'), undefined);
  assert.equal(ruleDocLink(undefined), undefined);
});
