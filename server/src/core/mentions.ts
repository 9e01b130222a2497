/**
 * Drug, brand and trial mentions: longest match of the lexicon's names over
 * the prose's word tokens, tolerant of case, accents, hyphens and spaces,
 * with the case rules of each name (trial acronyms and abbreviations as
 * written; brands that are ordinary words only in capitals or with ®).
 */
import { STARTS_NAME, type Lexicon, type NameEntry } from './lexicon';
import { foldSameLength, COMBINING_STAND_IN } from './normalize';

export interface Token {
  start: number;
  end: number;
  /** Folded form (lower case, no accents). */
  key: string;
  /** The lexicon's class of the key (STARTS_NAME, COMMON_WORD bits), set by `classifyTokens`. */
  cls?: number;
}

/** One lexicon lookup per token, shared by the mention and unknown-word passes. */
export function classifyTokens(tokens: Token[], lexicon: Lexicon): void {
  for (const t of tokens) t.cls = lexicon.classify(t.key);
}

export interface Mention {
  kind: 'drug' | 'trial' | 'class';
  start: number;
  end: number;
  text: string;
  entry: NameEntry;
  /** DCI, product code or trial name. */
  id: string;
  /** For an ambiguous abbreviation: the DCIs it may stand for. */
  candidates?: string[];
  /** A common word (glycine, calcium…): kept only when a dose is attached. */
  needsDose?: boolean;
}

const JOINER = /^[ \t\u00A0\u202F\u2009\-'’\r\n]{0,4}$/;
const MARK = /^[ \u00A0]?[®™]/;

/** 1 for a UTF-16 unit that belongs to a word (letter, digit, folded accent), 2 for not, 0 = unknown yet. */
const wordTable = new Uint8Array(65536);
const WORD_CHAR = /[\p{L}\p{N}\u0000]/u;

function isWordCode(code: number): boolean {
  let w = wordTable[code];
  if (w === 0) {
    w = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = w;
  }
  return w === 1;
}

export function tokenize(text: string): Token[] {
  const folded = foldSameLength(text);
  const tokens: Token[] = [];
  const n = folded.length;
  for (let i = 0; i < n; ) {
    if (!isWordCode(folded.charCodeAt(i))) { i++; continue; }
    let j = i;
    let stand = false; // a folded accent inside the word, dropped from the key
    for (; j < n && isWordCode(folded.charCodeAt(j)); j++) if (folded.charCodeAt(j) === 0) stand = true;
    const word = folded.slice(i, j);
    tokens.push({ start: i, end: j, key: stand ? word.split(COMBINING_STAND_IN).join('') : word });
    i = j;
  }
  return tokens;
}

function alnum(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

function caseAllows(entry: NameEntry, surface: string, markFollows: boolean): boolean {
  switch (entry.caseRule) {
    case 'any':
      return true;
    case 'exact':
      return alnum(surface) === alnum(entry.name);
    case 'capitalsOrMark': {
      const letters = surface.replace(/[^\p{L}]/gu, '');
      return markFollows || (letters.length > 0 && letters === letters.toUpperCase());
    }
  }
}

const PRIORITY: Record<NameEntry['kind'], number> = { substance: 0, abbreviation: 1, brand: 2, trial: 3, class: 4 };

export function findMentions(prose: string, tokens: Token[], lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!((tokens[i].cls ?? lexicon.classify(tokens[i].key)) & STARTS_NAME)) {
      i++;
      continue;
    }
    const matches = lexicon.walk((k) => {
      const t = tokens[i + k];
      if (!t) return undefined;
      if (k > 0 && !JOINER.test(prose.slice(tokens[i + k - 1].end, t.start))) return undefined;
      return t.key;
    });
    let chosen: Mention | undefined;
    for (let m = matches.length - 1; m >= 0 && !chosen; m--) {
      const { length, entries } = matches[m];
      const start = tokens[i].start;
      let end = tokens[i + length - 1].end;
      const surface = prose.slice(start, end);
      const mark = MARK.exec(prose.slice(end, end + 2));
      const ok = entries.filter((e) => caseAllows(e, surface, !!mark)).sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
      if (ok.length === 0) continue;
      const entry = ok[0];
      if (mark) end += mark[0].length;
      chosen = mentionOf(entry, start, end, prose.slice(start, end));
      i += length;
    }
    if (chosen) mentions.push(chosen);
    else i++;
  }
  return mentions;
}

function mentionOf(entry: NameEntry, start: number, end: number, text: string): Mention {
  if (entry.kind === 'trial') return { kind: 'trial', start, end, text, entry, id: entry.trial!.name };
  if (entry.kind === 'class') return { kind: 'class', start, end, text, entry, id: entry.drugClass!.name };
  if (entry.ambiguous) {
    return { kind: 'drug', start, end, text, entry, id: entry.name, candidates: entry.ambiguous.map((s) => s.dci) };
  }
  const dci = entry.substance?.dci ?? (entry.brand!.substances.length === 1 ? entry.brand!.substances[0] : entry.brand!.substances.join(' + '));
  return { kind: 'drug', start, end, text, entry, id: dci, needsDose: entry.substance?.needsDose };
}
