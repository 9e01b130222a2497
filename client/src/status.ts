/**
 * The language status item of Markdown files: the dataset's date and size, or « désactivé »; busy while a large
 * document is analysed in the background (the server's `medlint/background` notification).
 *   MedLint · BDPM 13 nov. 2025 — 2 783 substances, 3 538 marques, 852 fourchettes, 299 essais
 *   MedLint : analyse en arrière-plan (12 Mo)
 */
import * as vscode from 'vscode';

export interface DataStatus { dataDate: string; substances: number; brands: number; ranges: number; trials: number; enabled: boolean }

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('medlint.status', { language: 'markdown' });
  /** The text the item shows when no background pass runs. */
  private resting = '';
  /** Documents analysed in the background, by URI: their size in characters. */
  private readonly passes = new Map<string, number>();

  constructor() {
    this.item.name = 'MedLint';
    this.item.text = this.resting = vscode.l10n.t('MedLint: starting…');
    this.item.command = { command: 'medlint.showLog', title: vscode.l10n.t('Show log') };
  }

  update(s: DataStatus): void {
    const date = new Date(`${s.dataDate}T00:00:00Z`).toLocaleDateString(vscode.env.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const n = (x: number) => x.toLocaleString(vscode.env.language);
    this.resting = s.enabled ? vscode.l10n.t('MedLint: BDPM of {0}', date) : vscode.l10n.t('MedLint: disabled');
    this.show();
    this.item.detail = vscode.l10n.t('{0} substances, {1} brands, {2} dose ranges, {3} trials', n(s.substances), n(s.brands), n(s.ranges), n(s.trials));
    this.item.severity = s.enabled ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
  }

  failed(message: string): void {
    this.passes.clear();
    this.resting = vscode.l10n.t('MedLint: server stopped');
    this.show();
    this.item.detail = message;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
  }

  /** A large document's background pass started (its size in characters) or ended (undefined). */
  background(uri: string, chars: number | undefined): void {
    if (chars === undefined) this.passes.delete(uri);
    else this.passes.set(uri, chars);
    this.show();
  }

  private show(): void {
    this.item.busy = this.passes.size > 0;
    const largest = Math.max(0, ...this.passes.values());
    const mb = (largest / 1024 / 1024).toLocaleString(vscode.env.language, { maximumFractionDigits: 1 });
    this.item.text = this.passes.size ? vscode.l10n.t('MedLint: analysing in the background ({0} MB)', mb) : this.resting;
  }

  /** What the item shows, for the tests. */
  get shown(): { text: string; detail?: string } {
    return { text: this.item.text, detail: this.item.detail };
  }

  dispose(): void {
    this.item.dispose();
  }
}
