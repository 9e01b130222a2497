/**
 * What a document is checked with: VS Code's settings (`medlint.*`), then its project's `.medlint.json`, the nearest
 * file up its folders winning. A project file's problems are written to the log and shown on the file itself, once
 * per reading of it; its data (« zorblimab », with its range and source) joins the lexicon through the overlay.
 * Example: « docs/.medlint.json:3:5: severity.dose-above-max : « fort » n'est pas une gravité » on that file.
 */
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver/node';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigResolver, mergeConfig, parseSettings, type ConfigProblem, type MedlintConfig } from './config';
import { withProjectData } from './core/lexicon-overlay';
import type { Lexicon } from './core/lexicon';

export class DocumentSettings {
  private readonly resolver = new ConfigResolver();
  /** Project files whose problems were told since they were last read. */
  private readonly told = new Set<string>();
  /** A document's file path, by its URI (asked several times per request). */
  readonly paths = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly lexicon: () => Lexicon) {}

  /** The editor's settings (`initializationOptions`, `workspace/configuration` or `didChangeConfiguration`). */
  set(raw: unknown): void {
    const { config, problems } = parseSettings(raw, 'medlint');
    this.tell(problems);
    this.resolver.base = [config];
  }

  /** The settings of no document in particular (the editor's own). */
  general(): MedlintConfig {
    return mergeConfig(...this.resolver.base);
  }

  /** A project file changed: every one is read afresh (a broken one keeps its last good configuration). */
  forgetProjectFiles(): void {
    this.resolver.clear();
    this.told.clear();
  }

  /** The configuration of the document at `uri`, with its file path when it has one. */
  configOf(uri: string): MedlintConfig & { path?: string } {
    if (!uri.startsWith('file:')) return this.general();
    const path = this.pathOf(uri);
    const { config, source, problems, fatal } = this.resolver.forFile(path);
    if (source && !this.told.has(source)) {
      this.told.add(source);
      // What of the project's data could not be used (a range of a drug no list knows) goes with the file's problems.
      const unused = fatal ? [] : withProjectData(this.lexicon(), config.data).problems.map((message) => ({ file: source, message }));
      this.tell([...problems, ...unused], source);
      this.showOnFile(source, [...problems, ...unused], fatal);
    }
    return { ...config, path };
  }

  private pathOf(uri: string): string {
    let path = this.paths.get(uri);
    if (path === undefined) this.paths.set(uri, (path = fileURLToPath(uri)));
    return path;
  }

  private tell(problems: ConfigProblem[], source?: string): void {
    for (const p of problems) this.connection.console.warn(`medlint : ${p.file ?? source ?? 'réglages'}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`);
  }

  /** A project file's problems, on the file itself (an empty list clears them once it is fixed). */
  private showOnFile(source: string, problems: ConfigProblem[], fatal: boolean): void {
    void this.connection.sendDiagnostics({
      uri: pathToFileURL(source).href,
      diagnostics: problems.map((p) => {
        const at = { line: (p.line ?? 1) - 1, character: (p.column ?? 1) - 1 };
        return { range: { start: at, end: at }, severity: fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: 'medlint', message: p.message };
      }),
    });
  }
}
