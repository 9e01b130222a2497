/**
 * « MedLint : chercher un médicament ou un essai » — a QuickPick over every name of the data, filtered
 * without accents (« pregab » finds prégabaline); Enter shows the card, the button inserts the name. With a
 * Markdown document active, the names of its project's `.medlint.json` (« zorblimab ») are listed too.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CARD_SCHEME, showMarkdown } from './virtual-docs';

interface LookupName { id: number; label: string; description: string }
type Item = vscode.QuickPickItem & { name: LookupName; key: string };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const LIMIT = 200;

/** The active Markdown document, whose project's names the server adds. */
const activeUri = () => {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc.uri.toString() : undefined;
};

/** Asked each time (a project's data may have changed since): ≈ 8,000 names, a few ms. */
async function allNames(client: LanguageClient, uri: string | undefined): Promise<Item[]> {
  return (await client.sendRequest<LookupName[]>('medlint/names', { uri })).map((n) => ({ label: n.label, description: n.description, name: n, key: fold(n.label), alwaysShow: true }));
}

/** Names starting with the folded query first, then those containing it; at most LIMIT. */
export function filterNames(items: Item[], query: string): Item[] {
  const q = fold(query.trim());
  if (!q) return items.slice(0, LIMIT);
  const starts = items.filter((i) => i.key.startsWith(q));
  const within = items.filter((i) => !i.key.startsWith(q) && i.key.includes(q));
  return [...starts.sort((a, b) => a.key.length - b.key.length), ...within].slice(0, LIMIT);
}

export async function showCard(client: LanguageClient, name: LookupName, uri = activeUri()): Promise<string | undefined> {
  const card = await client.sendRequest<{ name: string; markdown: string } | null>('medlint/card', { id: name.id, uri });
  if (!card) return undefined;
  await showMarkdown(CARD_SCHEME, card.name, card.markdown);
  return card.markdown;
}

async function insert(label: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  await editor.edit((e) => editor.selections.forEach((s) => e.replace(s, label)));
}

/** With `query` (from a test or a key binding), the first match is taken without a QuickPick. */
export async function lookUp(client: LanguageClient, query?: string, action: 'card' | 'insert' = 'card'): Promise<string | undefined> {
  const uri = activeUri();
  const items = await allNames(client, uri);
  if (query !== undefined) {
    const first = filterNames(items, query)[0];
    if (!first) return undefined;
    if (action === 'insert') return insert(first.label).then(() => first.label);
    return showCard(client, first.name, uri);
  }
  const pick = vscode.window.createQuickPick<Item>();
  const insertButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert in the text') };
  const withButton = (list: Item[]) => list.map((i) => ({ ...i, buttons: [insertButton] }));
  pick.placeholder = vscode.l10n.t('Drug, brand, trial or class (accents optional)');
  pick.matchOnDescription = false;
  pick.items = withButton(filterNames(items, ''));
  pick.onDidChangeValue((v) => { pick.items = withButton(filterNames(items, v)); });
  return new Promise((resolve) => {
    pick.onDidAccept(async () => {
      const chosen = pick.selectedItems[0];
      pick.hide();
      resolve(chosen ? await showCard(client, chosen.name, uri) : undefined);
    });
    pick.onDidTriggerItemButton(async ({ item }) => {
      pick.hide();
      await insert(item.label);
      resolve(item.label);
    });
    pick.onDidHide(() => { pick.dispose(); resolve(undefined); });
    pick.show();
  });
}
