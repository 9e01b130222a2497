/**
 * MedLint's configuration, one for the server, the CLI and the code actions: defaults, validation against
 * schemas/medlint.schema.json (by ajv, compiled ahead of time into generated/), the project file
 * `.medlint.json` (JSONC) found upward from each checked file, and the merge: defaults < VS Code settings
 * < project file < CLI flags. An invalid value falls back to its default with one problem (logged by the
 * server, printed by the CLI).
 *   { "words": ["zorblimab"], "severity": { "dose-below-min": "off" }, "ignorePaths": ["brouillons/**"] }
 * `data` (the project's drugs, ranges and trials) is all or nothing: one invalid entry makes the file unusable
 * (facts carry their source), with each problem named by its JSON path (`data.ranges.0 (zorblimab) : …`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ParseError } from 'jsonc-parser';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { expandRuleName, SEVERITY_SETTINGS, type RuleSeverities, type SeveritySetting } from './core/rules/registry';
import type { ProjectData } from './core/lexicon-overlay';

export const PROJECT_FILE = '.medlint.json';

export interface MedlintConfig {
  enable: boolean;
  severity: RuleSeverities;
  /** Names accepted: no unknown-drug finding on them. */
  words: string[];
  /** Globs of files not to check, relative to `root`. */
  ignorePaths: string[];
  /** The folder of the project file the globs are relative to. */
  root?: string;
  /** The project's own drugs, ranges and trials (core/lexicon-overlay.ts lays them over the lexicon). */
  data?: ProjectData;
}
export type ConfigLayer = Partial<MedlintConfig>;

export interface ConfigProblem { file?: string; line?: number; column?: number; message: string }

export const DEFAULTS: MedlintConfig = Object.freeze({ enable: true, severity: {}, words: [], ignorePaths: [] }) as MedlintConfig;

type Path = (string | number)[];

/** Where an ajv error points, as a path to the value to drop (an unknown key names itself). */
function errorPath(e: ErrorObject): Path {
  const path: Path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
  return path;
}

function describe(e: ErrorObject, path: Path, value: unknown): string {
  const where = path.join('.') || '(racine)';
  if (e.keyword === 'additionalProperties') return `${where} : clé inconnue, ignorée`;
  if (e.keyword === 'enum') return `${where} : « ${String(value)} » n’est pas une valeur permise (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}) ; valeur par défaut utilisée`;
  return `${where} : ${e.message ?? 'valeur invalide'} ; valeur par défaut utilisée`;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), root);
}

/** Drops each invalid value (deepest first, array items from the end) and names it in a problem. */
function prune(raw: Record<string, unknown>, validate: ValidateFunction, where: (path: Path) => Omit<ConfigProblem, 'message'>) {
  const problems: ConfigProblem[] = [];
  if (validate(raw)) return problems;
  const seen = new Set<string>();
  const paths: Path[] = [];
  for (const e of validate.errors ?? []) {
    const path = errorPath(e);
    const key = JSON.stringify(path);
    if (seen.has(key) || path.length === 0) continue;
    seen.add(key);
    problems.push({ ...where(path), message: describe(e, path, valueAt(raw, path)) });
    paths.push(path);
  }
  paths.sort((a, b) => b.length - a.length || Number(b[b.length - 1]) - Number(a[a.length - 1]));
  for (const path of paths) {
    const parent = valueAt(raw, path.slice(0, -1));
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
  }
  return problems;
}

/** Rule names → codes of the registry: a deprecated name sets its rules, unless a rule is named itself. */
function normaliseSeverity(raw: Record<string, SeveritySetting> | undefined): RuleSeverities {
  const out: RuleSeverities = {};
  const entries = Object.entries(raw ?? {});
  for (const [name, value] of entries) for (const code of expandRuleName(name)) if (name !== code) out[code] = value;
  for (const [name, value] of entries) for (const code of expandRuleName(name)) if (name === code) out[code] = value;
  return out;
}

/**
 * VS Code's `medlint.*` settings (or the client's initializationOptions), checked by hand (two keys; the
 * schema is the project file's). Other keys are VS Code's.
 */
export function parseSettings(raw: unknown, origin: string): { config: ConfigLayer; problems: ConfigProblem[] } {
  const config: ConfigLayer = {};
  const problems: ConfigProblem[] = [];
  if (!raw || typeof raw !== 'object') return { config, problems };
  const { enable, severity } = raw as Record<string, unknown>;
  if (typeof enable === 'boolean') config.enable = enable;
  else if (enable !== undefined) problems.push({ message: `${origin}.enable : « ${String(enable)} » n’est pas un booléen ; valeur par défaut utilisée` });
  if (severity === undefined || severity === null) return { config, problems };
  if (typeof severity !== 'object' || Array.isArray(severity)) {
    problems.push({ message: `${origin}.severity : un objet est attendu ; valeur par défaut utilisée` });
    return { config, problems };
  }
  const kept: Record<string, SeveritySetting> = {};
  for (const [name, value] of Object.entries(severity)) {
    if (expandRuleName(name).length === 0) problems.push({ message: `${origin}.severity.${name} : règle inconnue, ignorée` });
    else if (!SEVERITY_SETTINGS.includes(value as SeveritySetting)) {
      problems.push({ message: `${origin}.severity.${name} : « ${String(value)} » n’est pas une valeur permise (${SEVERITY_SETTINGS.join(', ')}) ; valeur par défaut utilisée` });
    } else kept[name] = value as SeveritySetting;
  }
  config.severity = normaliseSeverity(kept);
  return { config, problems };
}

/**
 * What only a project file needs, required with the first one read (as picomatch below): the JSONC parser and
 * the validator generated from the schema, ≈ 70 KB of the server's bundle that a start without `.medlint.json`
 * never evaluates.
 */
let projectFileTools: { jsonc: typeof import('jsonc-parser'); validate: ValidateFunction } | undefined;
const tools = () => (projectFileTools ??= {
  jsonc: require('jsonc-parser') as typeof import('jsonc-parser'),
  validate: require('./generated/medlint-schema-validate') as ValidateFunction,
});

const PARSE_ERRORS_FR: Record<string, string> = {
  InvalidSymbol: 'symbole invalide', InvalidNumberFormat: 'nombre mal formé', PropertyNameExpected: 'nom de clé attendu',
  ValueExpected: 'valeur attendue', ColonExpected: 'deux-points attendu', CommaExpected: 'virgule attendue',
  CloseBraceExpected: 'accolade fermante attendue', CloseBracketExpected: 'crochet fermant attendu', EndOfFileExpected: 'fin de fichier attendue',
  InvalidCommentToken: 'commentaire invalide', UnexpectedEndOfComment: 'commentaire non fermé', UnexpectedEndOfString: 'chaîne non fermée',
  UnexpectedEndOfNumber: 'nombre incomplet', InvalidUnicode: 'séquence Unicode invalide', InvalidEscapeCharacter: 'échappement invalide',
  InvalidCharacter: 'caractère invalide',
};

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const TYPES_FR: Record<string, string> = { string: 'un texte', number: 'un nombre', array: 'une liste', object: 'un objet', boolean: 'un booléen' };
const PATTERNS_FR: Record<string, string> = { nct: 'NCT suivi de 8 chiffres', cis: '8 chiffres', substance: 'DCI en minuscules' };

/** What is wrong with a value of `data`, in French. */
function dataProblem(e: ErrorObject, path: Path, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `propriété « ${String(p.missingProperty)} » obligatoire${p.missingProperty === 'source' ? ' (chaque fait cite sa source)' : ''}`;
    case 'additionalProperties': return 'clé inconnue';
    case 'enum': return `« ${String(value)} » n’est pas une valeur permise (${(p.allowedValues as unknown[]).join(', ')})`;
    case 'pattern': return `« ${String(value)} » n’a pas la forme attendue (${PATTERNS_FR[String(path[path.length - 1])] ?? String(p.pattern)})`;
    case 'type': return `${TYPES_FR[String(p.type)] ?? String(p.type)} est attendu`;
    case 'exclusiveMinimum': return `doit être supérieur à ${String(p.limit)}`;
    default: return `valeur invalide (${e.message ?? e.keyword})`;
  }
}

/** `data.ranges.0 (zorblimab)`: a path, with the name of the entry it is in. */
function dataWhere(raw: unknown, path: Path): string {
  const entry = valueAt(raw, path.slice(0, 3)) as { substance?: unknown; name?: unknown } | undefined;
  const name = path.length >= 3 && entry && typeof entry === 'object' ? entry.substance ?? entry.name : undefined;
  return `${path.join('.')}${typeof name === 'string' ? ` (${name})` : ''}`;
}

/** Every problem of `data` (schema, then a range's min above its max), in the order of the file. */
function dataProblems(raw: Record<string, unknown>, where: (path: Path) => Omit<ConfigProblem, 'message'>): ConfigProblem[] {
  if (raw.data === undefined) return [];
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  const add = (path: Path, what: string) => {
    const message = `${dataWhere(raw, path)} : ${what}`;
    if (!seen.has(message)) out.push({ ...where(path), message }), seen.add(message);
  };
  const { validate } = tools();
  if (!validate(raw)) {
    for (const e of validate.errors ?? []) {
      const path = errorPath(e);
      if (path[0] === 'data') add(path, dataProblem(e, path, valueAt(raw, path)));
    }
  }
  const ranges = (raw.data as ProjectData | null)?.ranges;
  if (Array.isArray(ranges)) ranges.forEach((r, i) => {
    if (typeof r?.min === 'number' && typeof r.max === 'number' && r.min > r.max) add(['data', 'ranges', i], `min (${r.min}) supérieur à max (${r.max})`);
  });
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** `.medlint.json`'s text. Broken JSON is fatal (nothing is used); a schema error drops that value only. */
export function parseProjectFile(text: string, file: string): { config: ConfigLayer; problems: ConfigProblem[]; fatal: boolean } {
  const { jsonc, validate } = tools();
  const errors: ParseError[] = [];
  const raw = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !raw || typeof raw !== 'object' || Array.isArray(raw)) {
    const e = errors[0];
    const message = e ? `JSON invalide : ${PARSE_ERRORS_FR[jsonc.printParseErrorCode(e.error)] ?? jsonc.printParseErrorCode(e.error)}` : 'un objet JSON est attendu';
    return { config: {}, fatal: true, problems: [{ file, ...lineColumn(text, e?.offset ?? 0), message }] };
  }
  const tree = jsonc.parseTree(text, [], { allowTrailingComma: true });
  const where = (path: Path) => {
    const node = tree && (jsonc.findNodeAtLocation(tree, path) ?? jsonc.findNodeAtLocation(tree, path.slice(0, -1)));
    return { file, ...lineColumn(text, node?.parent?.type === 'property' ? node.parent.offset : node?.offset ?? 0) };
  };
  const invalidData = dataProblems(raw, where);
  if (invalidData.length) return { config: {}, problems: invalidData, fatal: true };
  const problems = prune(raw, validate, where);
  const config: ConfigLayer = { root: dirname(file) };
  if (raw.words) config.words = raw.words;
  if (raw.severity) config.severity = normaliseSeverity(raw.severity);
  if (raw.ignorePaths) config.ignorePaths = raw.ignorePaths;
  if (raw.data) config.data = raw.data;
  return { config: Object.fromEntries(Object.entries(config).sort(([a], [b]) => order(a) - order(b))), problems, fatal: false };
}

const KEY_ORDER = ['enable', 'words', 'severity', 'ignorePaths', 'data', 'root'];
const order = (k: string) => KEY_ORDER.indexOf(k);

/** The nearest `.medlint.json` in the file's folder or above it. */
export function findProjectFile(file: string, isFile: (p: string) => boolean = exists): string | undefined {
  let dir = dirname(file);
  for (;;) {
    const candidate = join(dir, PROJECT_FILE);
    if (isFile(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function exists(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Reads and parses a project file; an unreadable file is fatal like a broken one. */
export function loadProjectFile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { config: {}, fatal: true, problems: [{ file, message: `illisible (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }] };
  }
  return parseProjectFile(text, file);
}

/** Later layers win, key by key; severities merge rule by rule, words add up. */
export function mergeConfig(...layers: ConfigLayer[]): MedlintConfig {
  const out: MedlintConfig = { ...DEFAULTS, severity: {}, words: [], ignorePaths: [] };
  for (const l of layers) {
    if (l.enable !== undefined) out.enable = l.enable;
    if (l.severity) out.severity = { ...out.severity, ...l.severity };
    if (l.words) out.words = [...new Set([...out.words, ...l.words])];
    if (l.data) out.data = l.data;
    if (l.ignorePaths) {
      out.ignorePaths = l.ignorePaths;
      out.root = l.root;
    }
  }
  if (!out.root) delete out.root;
  return out;
}

/**
 * Where a word accepted from a document goes: its nearest project file (with its text), else a new one at
 * the root of the workspace folder holding the document, else beside the document.
 */
export function dictionaryFileFor(file: string, workspaceFolders: string[] = []): { path: string; text?: string } {
  const nearest = findProjectFile(file);
  if (nearest) {
    try {
      return { path: nearest, text: readFileSync(nearest, 'utf8') };
    } catch {
      // unreadable: offered as a new file, which the editor will refuse to overwrite
    }
  }
  const folder = workspaceFolders.filter((f) => !relative(f, file).startsWith('..')).sort((a, b) => b.length - a.length)[0];
  return { path: join(folder ?? dirname(file), PROJECT_FILE) };
}

const matchers = new Map<string, (path: string) => boolean>();

/** Whether the file matches one of the configuration's ignorePaths (relative to its project file). */
export function isIgnored(file: string, config: MedlintConfig): boolean {
  if (!config.ignorePaths.length) return false;
  const key = JSON.stringify(config.ignorePaths);
  let match = matchers.get(key);
  if (!match) {
    // Required on first use, as the validator: the server does not load it unless a project file has ignorePaths.
    const picomatch = require('picomatch') as typeof import('picomatch');
    matchers.set(key, (match = picomatch(config.ignorePaths, { dot: true })));
  }
  return match(relative(config.root ?? process.cwd(), file).split(sep).join('/'));
}

export interface FileConfig {
  config: MedlintConfig;
  /** The project file that applies, if any, with its problems; `fatal`: it could not be used at all. */
  source?: string;
  problems: ConfigProblem[];
  fatal: boolean;
}

/**
 * Each file's configuration: the base layers (defaults, VS Code settings), then its project file (the
 * explicit one, or the nearest one), then the overrides (CLI flags). Project files are read once; `clear`
 * forgets them (the server calls it when one changes).
 */
export class ConfigResolver {
  private readonly loaded = new Map<string, ReturnType<typeof loadProjectFile>>();
  private readonly nearest = new Map<string, string | undefined>();
  /** The last usable configuration of each project file: kept while the file is broken (the server's case). */
  private readonly lastGood = new Map<string, ConfigLayer>();

  constructor(public base: ConfigLayer[] = [], private readonly explicit?: string, private readonly overrides: ConfigLayer[] = []) {}

  forFile(file: string): FileConfig {
    const source = this.explicit ?? this.projectFileOf(file);
    if (!source) return { config: mergeConfig(...this.base, ...this.overrides), problems: [], fatal: false };
    let project = this.loaded.get(source);
    if (!project) {
      this.loaded.set(source, (project = loadProjectFile(source)));
      if (!project.fatal) this.lastGood.set(source, project.config);
    }
    const layer = project.fatal ? this.lastGood.get(source) ?? {} : project.config;
    return { config: mergeConfig(...this.base, layer, ...this.overrides), source, problems: project.problems, fatal: project.fatal };
  }

  private projectFileOf(file: string): string | undefined {
    const dir = dirname(file);
    if (!this.nearest.has(dir)) this.nearest.set(dir, findProjectFile(file));
    return this.nearest.get(dir);
  }

  clear(): void {
    this.loaded.clear();
    this.nearest.clear();
  }
}
