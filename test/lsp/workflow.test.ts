/** The built server over stdio: configuration (settings, project file, changes), directives, quick fixes. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'medlint-lsp-'));
const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let settings: unknown = { enable: true, severity: {} };
const logs: string[] = [];
conn.onRequest('workspace/configuration', () => [settings]);
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('workspace/diagnostic/refresh', () => null);
conn.onNotification('window/logMessage', (m: { message: string }) => { logs.push(m.message); });
const published = new Map<string, any[]>();
conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: any[] }) => { published.set(p.uri, p.diagnostics); });
conn.listen();
after(() => { conn.dispose(); child.kill(); rmSync(dir, { recursive: true, force: true }); });

const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
let version = 0;
async function open(name: string, text: string) {
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'markdown', version: ++version, text } });
  return uriOf(name);
}
async function diagnostics(uri: string): Promise<any[]> {
  return ((await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items;
}
async function actions(uri: string, diag: any, only?: string[]): Promise<any[]> {
  return conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], ...(only ? { only } : {}) } }) as Promise<any[]>;
}
async function changeSettings(value: unknown) {
  settings = value;
  await conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await new Promise((r) => setTimeout(r, 150));
}
/** A workspace edit applied to the texts it names (the document's, or a file's on disk). */
function applied(edit: any, uri: string, texts: Record<string, string>): string {
  const changes = edit.changes?.[uri] ?? edit.documentChanges?.find((c: any) => c.textDocument?.uri === uri)?.edits;
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, texts[uri] ?? ''), changes);
}

const HIGH = 'La prégabaline à 1200 mg/j.\n';
const TYPO = 'La pregabalinne au coucher.\n';

test('initialize with workspace configuration and pull diagnostics', async () => {
  const init: any = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    capabilities: {
      textDocument: { diagnostic: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    },
  });
  assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.medlint'));
  await conn.sendNotification('initialized', {});
  await new Promise((r) => setTimeout(r, 100));
});

test('a severity setting applies to the diagnostics', async () => {
  await changeSettings({ enable: true, severity: { 'unknown-drug': 'hint' } });
  const uri = await open('settings.md', TYPO);
  assert.deepEqual((await diagnostics(uri)).map((d) => [d.code, d.severity]), [['unknown-drug', 4]]);
});

test('an invalid setting falls back to the default with one warning in the log', async () => {
  logs.length = 0;
  await changeSettings({ enable: true, severity: { 'unknown-drug': 'Error' } });
  const uri = await open('invalid.md', TYPO);
  assert.deepEqual((await diagnostics(uri)).map((d) => [d.code, d.severity]), [['unknown-drug', 2]]);
  assert.equal(logs.filter((l) => /« Error »/.test(l)).length, 1);
});

test('a changed setting applies without a restart; enable: false silences everything', async () => {
  const uri = await open('changed.md', HIGH);
  await changeSettings({ enable: true, severity: { 'dose-above-max': 'error' } });
  assert.deepEqual((await diagnostics(uri)).map((d) => d.severity), [1]);
  await changeSettings({ enable: false, severity: {} });
  assert.deepEqual(await diagnostics(uri), []);
  await changeSettings({ enable: true, severity: {} });
});

test('the project file’s words are accepted, and a change to it applies (watched file)', async () => {
  mkdirp('projet');
  writeFileSync(join(dir, 'projet', '.medlint.json'), '{ "words": ["pregabalinne"] }');
  const uri = await open('projet/a.md', TYPO + HIGH);
  assert.deepEqual((await diagnostics(uri)).map((d) => d.code), ['dose-above-max']);
  writeFileSync(join(dir, 'projet', '.medlint.json'), '{ "severity": { "dose-above-max": "off" } }');
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('projet/.medlint.json'), type: 2 }] });
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual((await diagnostics(uri)).map((d) => d.code), ['unknown-drug']);
});

test('a broken project file is logged with its line, and the last good configuration is kept', async () => {
  mkdirp('casse');
  writeFileSync(join(dir, 'casse', '.medlint.json'), '{ "words": ["pregabalinne"] }');
  const uri = await open('casse/a.md', TYPO);
  assert.deepEqual(await diagnostics(uri), []);
  logs.length = 0;
  writeFileSync(join(dir, 'casse', '.medlint.json'), '{\n  "words": ["pregabalinne"\n}');
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('casse/.medlint.json'), type: 2 }] });
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await diagnostics(uri), []);
  assert.ok(logs.some((l) => /casse\/\.medlint\.json:3:\d+: JSON invalide/.test(l)), logs.join('\n'));
});

test('a project file’s problems are shown on the file itself, and cleared once it is fixed', async () => {
  mkdirp('montre');
  writeFileSync(join(dir, 'montre', '.medlint.json'), '{\n  "severity": { "unknown-drug": "grave" }\n}\n');
  const uri = await open('montre/a.md', TYPO);
  await diagnostics(uri);
  await new Promise((r) => setTimeout(r, 100));
  const shown = published.get(uriOf('montre/.medlint.json'))!;
  assert.deepEqual(shown.map((d) => [d.range.start.line, d.severity, d.source]), [[1, 2, 'medlint']]);
  assert.match(shown[0].message, /« grave »/);
  writeFileSync(join(dir, 'montre', '.medlint.json'), '{}\n');
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('montre/.medlint.json'), type: 2 }] });
  await diagnostics(uri);
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(published.get(uriOf('montre/.medlint.json')), []);
});

test('a directive in the document silences the finding', async () => {
  const uri = await open('directive.md', '<!-- medlint-disable-next-line unknown-drug -->\n' + TYPO);
  assert.deepEqual(await diagnostics(uri), []);
});

test('quick fixes on an unknown drug: the suggestion first (preferred), add to the dictionary, ignore on this line', async () => {
  const uri = await open('fixes.md', TYPO);
  const [diag] = await diagnostics(uri);
  const list = await actions(uri, diag);
  assert.deepEqual(list.map((a) => [a.title, a.kind, !!a.isPreferred]), [
    ['Remplacer par « prégabaline »', 'quickfix', true],
    ['Ajouter « pregabalinne » au dictionnaire du projet', 'quickfix', false],
    ['Ignorer sur cette ligne', 'quickfix', false],
  ]);
});

test('« Ajouter au dictionnaire » creates .medlint.json when there is none', async () => {
  const uri = await open('fixes.md', TYPO);
  const [diag] = await diagnostics(uri);
  const add = (await actions(uri, diag)).find((a) => a.title.startsWith('Ajouter'));
  const file = uriOf('.medlint.json');
  assert.equal(existsSync(join(dir, '.medlint.json')), false);
  assert.deepEqual(add.edit.documentChanges[0], { kind: 'create', uri: file, options: { ignoreIfExists: true } });
  assert.equal(applied(add.edit, file, {}), '{\n  "words": [\n    "pregabalinne"\n  ]\n}\n');
});

test('« Ajouter au dictionnaire » edits the nearest .medlint.json, comments and order kept', async () => {
  mkdirp('dico');
  const before = '{\n  // notre dictionnaire\n  "severity": { "dose-below-min": "off" },\n  "words": ["zorblimab"] // à relire\n}\n';
  writeFileSync(join(dir, 'dico', '.medlint.json'), before);
  const uri = await open('dico/a.md', TYPO);
  const [diag] = await diagnostics(uri);
  const add = (await actions(uri, diag)).find((a) => a.title.startsWith('Ajouter'));
  const file = uriOf('dico/.medlint.json');
  assert.equal(applied(add.edit, file, { [file]: before }),
    '{\n  // notre dictionnaire\n  "severity": { "dose-below-min": "off" },\n  "words": [\n    "zorblimab",\n    "pregabalinne"\n  ] // à relire\n}\n');
});

test('« Ignorer sur cette ligne » inserts the disable-next-line directive above the line', async () => {
  const text = 'Titre\n\n' + TYPO;
  const uri = await open('ignore.md', text);
  const [diag] = await diagnostics(uri);
  const ignore = (await actions(uri, diag)).find((a) => a.title === 'Ignorer sur cette ligne');
  assert.equal(applied(ignore.edit, uri, { [uri]: text }), 'Titre\n\n<!-- medlint-disable-next-line unknown-drug -->\n' + TYPO);
});

test('« Ignorer sur cette ligne » inside a paragraph ends the line with disable-line (the paragraph is not split)', async () => {
  const text = 'Premier vers,\n' + TYPO;
  const uri = await open('ignore2.md', text);
  const [diag] = await diagnostics(uri);
  const ignore = (await actions(uri, diag)).find((a) => a.title === 'Ignorer sur cette ligne');
  assert.equal(applied(ignore.edit, uri, { [uri]: text }), 'Premier vers,\nLa pregabalinne au coucher. <!-- medlint-disable-line unknown-drug -->\n');
});

test('fix-all of one rule: every finding of the rule gets its preferred fix', async () => {
  const text = TYPO + '\n' + TYPO;
  const uri = await open('fixall.md', text);
  const diags = await diagnostics(uri);
  const all = (await actions(uri, diags[0])).find((a) => /^Corriger tous/.test(a.title));
  assert.equal(all.title, 'Corriger tous les « unknown-drug » du document (2)');
  assert.equal(applied(all.edit, uri, { [uri]: text }), 'La prégabaline au coucher.\n\nLa prégabaline au coucher.\n');
  const source = await actions(uri, diags[0], ['source.fixAll']);
  assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.medlint']);
  assert.equal(applied(source[0].edit, uri, { [uri]: text }), 'La prégabaline au coucher.\n\nLa prégabaline au coucher.\n');
});

function mkdirp(name: string) {
  mkdirSync(join(dir, name), { recursive: true });
}

test('the server wrote nothing on stderr', () => {
  assert.equal(stderr, '');
});
