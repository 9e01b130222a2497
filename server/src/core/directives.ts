/**
 * Directives in HTML comments, in markdownlint's shape, applied to an analysis's findings (pure: text and
 * findings in, the findings kept out). Rules are named by code; none named means every rule.
 *   <!-- medlint-disable-next-line dose-above-max -->   the next line
 *   <!-- medlint-disable-line -->                        this line
 *   <!-- medlint-disable unknown-drug --> … <!-- medlint-enable unknown-drug -->
 *   <!-- medlint-disable-file -->                        the whole file, wherever it is written
 *   <!-- medlint-ignore zorblimab FANTOMAX -->           names accepted in this file
 * Accepted names (these and the project's `words`) silence the name rules (unknown-drug, company-as-brand,
 * english-name) on that exact word, accents and case aside.
 */
import type { Finding } from './checks';
import { foldKey } from './normalize';
import { LineIndex } from './positions';
import { RULES, expandRuleName, ruleOf, type RuleCode } from './rules/registry';

type Kind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file' | 'ignore';

export interface Directive { kind: Kind; start: number; end: number; args: string[] }

// Arguments hold no « < » or « > » and at most 2,000 characters: an unclosed comment costs a bounded scan.
const DIRECTIVE = /<!--[ \t]*medlint-(disable-next-line|disable-line|disable-file|disable|enable|ignore)(?=[\s-])([^<>]{0,2000}?)-->/g;
const ALL: readonly RuleCode[] = RULES.map((r) => r.code);

export function parseDirectives(text: string): Directive[] {
  if (!text.includes('medlint-')) return [];
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    out.push({ kind: m[1] as Kind, start: m.index, end: m.index + m[0].length, args: m[2].trim().split(/\s+/).filter(Boolean) });
  }
  return out;
}

/** The rules a directive names: all when none is named; none when only unknown names are. */
function rulesOf(args: string[]): readonly RuleCode[] {
  return args.length ? args.flatMap(expandRuleName) : ALL;
}

/** What the directives say, as per-line and per-offset silences. */
interface Silences {
  file: Set<RuleCode>;
  lines: Map<number, Set<RuleCode>>;
  /** Offsets where the set of disabled rules changes, in order, with the set from there on. */
  regions: { from: number; disabled: Set<RuleCode> }[];
  words: Set<string>;
}

function collect(directives: Directive[], lineOf: (offset: number) => number, words: readonly string[]): Silences {
  const s: Silences = { file: new Set(), lines: new Map(), regions: [], words: new Set(words.map(foldKey)) };
  let disabled = new Set<RuleCode>();
  const silenceLine = (line: number, rules: readonly RuleCode[]) => {
    const set = s.lines.get(line) ?? new Set<RuleCode>();
    for (const r of rules) set.add(r);
    s.lines.set(line, set);
  };
  for (const d of directives) {
    const rules = rulesOf(d.args);
    if (d.kind === 'ignore') for (const w of d.args) s.words.add(foldKey(w));
    else if (d.kind === 'disable-file') for (const r of rules) s.file.add(r);
    else if (d.kind === 'disable-line') silenceLine(lineOf(d.start), rules);
    else if (d.kind === 'disable-next-line') silenceLine(lineOf(d.end) + 1, rules);
    else {
      disabled = new Set(disabled);
      for (const r of rules) if (d.kind === 'disable') disabled.add(r); else disabled.delete(r);
      s.regions.push({ from: d.end, disabled });
    }
  }
  return s;
}

/**
 * The findings not silenced by the text's directives nor by the accepted words. `directives`: the text's, when
 * the caller knows them (the server knows when a document holds none), else read from it.
 */
export function applyDirectives(text: string, findings: Finding[], words: readonly string[] = [], directives = parseDirectives(text)): Finding[] {
  if (directives.length === 0 && words.length === 0) return findings;
  // Lines are counted only for a line directive (accepted words alone, on each pull, need none).
  let lines: LineIndex | undefined;
  const lineOf = (offset: number) => (lines ??= new LineIndex(text)).position(offset).line;
  const s = collect(directives, lineOf, words);
  return findings.filter((f) => {
    if (s.file.has(f.code)) return false;
    if (s.lines.size && s.lines.get(lineOf(f.start))?.has(f.code)) return false;
    let region: Set<RuleCode> | undefined;
    for (const r of s.regions) if (r.from <= f.start) region = r.disabled; else break;
    if (region?.has(f.code)) return false;
    return !(ruleOf(f.code).category === 'médicaments' && s.words.has(foldKey(text.slice(f.start, f.end))));
  });
}
