/// <reference lib="dom" />
/**
 * UI test: the built .vsix installed in code-server's VS Code, its workbench in headless Chromium.
 * Opens a corpus article, hovers « prégabaline », opens the Problems panel; asserts on what the page
 * shows and saves screenshots (test/editors/screenshots/, shown in the README).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the extension-host runner
import { isolatedEnv, openBrowser, serverCommand, startServer } from './code-server.mjs';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const ARTICLE = 'douleurs-neuropathiques.md';
const VSIX = join(ROOT, 'medlint.vsix');
const SHOTS = join(ROOT, 'test', 'editors', 'screenshots');

/** Screen rectangle of the first « needle » fully inside the editor's viewport. */
function wordBox(page: Page, needle: string) {
  return page.evaluate((n) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
      const view = line.closest('.monaco-scrollable-element')!.getBoundingClientRect();
      const r = line.getBoundingClientRect();
      const bottom = Math.min(view.bottom, window.innerHeight) - 20;
      if (r.top < view.top + 60 || r.bottom > bottom) continue; // under sticky headers or off screen
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const i = t.textContent!.indexOf(n);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + n.length);
        const w = range.getBoundingClientRect();
        return { x: w.x + w.width / 2, y: w.y + w.height / 2 };
      }
    }
    return null;
  }, needle);
}

test('le .vsix dans VS Code : survol d’un médicament et panneau Problèmes', { timeout: 5 * 60_000 }, async () => {
  assert.ok(existsSync(VSIX), 'medlint.vsix absent : lancez npm run package');
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', join(CORPUS, ARTICLE)], { encoding: 'utf8' });
  const expected = JSON.parse(cli.stdout).files[0].diagnostics.length;
  assert.ok(expected > 0);

  const { env, base } = isolatedEnv();
  const extensionsDir = join(base, 'extensions'), serverDataDir = join(base, 'server-data');
  const installed = await serverCommand(['--install-extension', VSIX, '--extensions-dir', extensionsDir, '--server-data-dir', serverDataDir], env);
  assert.match(installed, /successfully installed/);
  const server = await startServer({ env, serverDataDir, extensionsDir });
  const browser = await openBrowser(env);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(CORPUS)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.keyboard.press('Control+Alt+B'); // close the secondary side bar (chat)
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: ARTICLE }).click({ timeout: 60_000 });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await page.waitForTimeout(2_000); // the editor takes focus and lays out its lines
    await page.keyboard.press('Control+G');
    await page.keyboard.type('37'); // « Sur le plan pratique, la prégabaline… »
    await page.keyboard.press('Enter');

    // Hover: the card with the documented range and its source.
    let box = null;
    for (let i = 0; i < 50 && !box; i++) {
      box = await wordBox(page, 'prégabaline');
      if (!box) await page.waitForTimeout(200);
    }
    assert.ok(box, '« prégabaline » introuvable à l’écran');
    const hover = page.locator('.monaco-hover', { hasText: 'Posologies adultes' });
    for (let i = 0; i < 5 && !(await hover.isVisible()); i++) {
      await page.mouse.move(box.x, box.y - 40);
      await page.mouse.move(box.x, box.y);
      await hover.waitFor({ state: 'visible', timeout: 8_000 }).catch(() => undefined);
    }
    const card = await hover.innerText();
    assert.match(card, /prégabaline/);
    assert.match(card, /150 à 600 mg\/j/);
    assert.match(card, /LYRICA/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'hover.png') });

    // Problems panel: as many problems as the CLI reports for the article.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const badge = page.locator('.panel .composite-bar .badge-content').first();
    await page.waitForFunction((n: number) => [...document.querySelectorAll('.panel .composite-bar .badge-content')].some((b) => b.textContent === String(n)), expected, { timeout: 30_000 });
    assert.equal(await badge.innerText(), String(expected));
    const rows = page.locator('.markers-panel .monaco-list-row', { hasText: /dose-(above-max|below-min)/ });
    await rows.nth(expected - 1).waitFor({ timeout: 15_000 });
    assert.equal(await rows.count(), expected);
    await page.screenshot({ path: join(SHOTS, 'problems.png') });
  } catch (e) {
    const page = browser.contexts()[0]?.pages()[0];
    if (page) await page.screenshot({ path: join(base, 'failure.png') });
    throw new Error(`${(e as Error).message}\n(capture : ${join(base, 'failure.png')})`);
  } finally {
    await browser.close();
    server.stop();
  }
});
