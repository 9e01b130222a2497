/**
 * The language status item of Markdown files: the dataset's date and size, or « désactivé ».
 *   MedLint · BDPM 13 nov. 2025 — 2 783 substances, 3 538 marques, 852 fourchettes, 299 essais
 */
import * as vscode from 'vscode';

export interface DataStatus { dataDate: string; substances: number; brands: number; ranges: number; trials: number; enabled: boolean }

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('medlint.status', { language: 'markdown' });

  constructor() {
    this.item.name = 'MedLint';
    this.item.text = vscode.l10n.t('MedLint: starting…');
    this.item.command = { command: 'medlint.showLog', title: vscode.l10n.t('Show log') };
  }

  update(s: DataStatus): void {
    const date = new Date(`${s.dataDate}T00:00:00Z`).toLocaleDateString(vscode.env.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const n = (x: number) => x.toLocaleString(vscode.env.language);
    this.item.text = s.enabled ? vscode.l10n.t('MedLint: BDPM of {0}', date) : vscode.l10n.t('MedLint: disabled');
    this.item.detail = vscode.l10n.t('{0} substances, {1} brands, {2} dose ranges, {3} trials', n(s.substances), n(s.brands), n(s.ranges), n(s.trials));
    this.item.severity = s.enabled ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
  }

  failed(message: string): void {
    this.item.text = vscode.l10n.t('MedLint: server stopped');
    this.item.detail = message;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
  }

  /** What the item shows, for the tests. */
  get shown(): { text: string; detail?: string } {
    return { text: this.item.text, detail: this.item.detail };
  }

  dispose(): void {
    this.item.dispose();
  }
}
