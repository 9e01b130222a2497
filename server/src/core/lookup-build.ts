/**
 * Compiles an index's names and words into the lexicon's flat lookup tables (`Lookup`). Run by the data
 * build, whose index file carries the result, and by `Lexicon` for an index given as plain records (tests).
 *
 * The names: each substance's DCI and aliases, each brand, trial (and alias), abbreviation and drug class
 * name, with the case rule it must be written with. A name's folded words are a path in a trie of word ids.
 */
import type { CompiledIndex, Lookup } from './index-types';
import { foldKey, soundKey, spellingKey } from './normalize';
import { hashOf, hashesOf } from './vocabulary';
import { brandVariantKeys } from './brand-variants';

export type NameKind = 'substance' | 'brand' | 'trial' | 'abbreviation' | 'class';
/** How strictly a name must be written to count as a mention. */
export type CaseRule = 'any' | 'exact' | 'capitalsOrMark';

export const KINDS: NameKind[] = ['substance', 'brand', 'trial', 'abbreviation', 'class'];
export const RULES: CaseRule[] = ['any', 'exact', 'capitalsOrMark'];
export const STARTS_NAME = 1;
export const COMMON_WORD = 2;
/** A later word of some name (« de » in « acétate de glatiramère »). */
export const IN_NAME = 4;

/** Word tokens of a name, folded: "RESET-SLE" → ["reset", "sle"]. */
export function nameTokens(name: string, key = foldKey(name)): string[] {
  return key.split(NON_WORD).filter(Boolean);
}
const NON_WORD = /[^\p{L}\p{N}]+/u;

interface Name { kind: NameKind; name: string; key: string; caseRule: CaseRule; ref: number; weight: number; ids: number[] }
interface Node { names: number[]; next: Map<number, Node>; id: number }

export function compileLookup(index: CompiledIndex): Lookup {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const flags: number[] = [];
  const wordId = (w: string, bit: number) => {
    let id = ids.get(w);
    if (id === undefined) {
      ids.set(w, (id = words.length));
      words.push(w);
      flags.push(0);
    }
    flags[id] |= bit;
    return id;
  };
  for (const w of index.commonWords) wordId(w, COMMON_WORD);

  const names: Name[] = [];
  const add = (kind: NameKind, name: string, caseRule: CaseRule, ref: number, weight = 0, key = foldKey(name)) => {
    const tokens = nameTokens(name, key);
    if (tokens.length) names.push({ kind, name, key, caseRule, ref, weight, ids: tokens.map((t, i) => wordId(t, i === 0 ? STARTS_NAME : IN_NAME)) });
  };
  const substanceKeys = index.substances.map((s) => foldKey(s.dci));
  index.substances.forEach((s, ref) => {
    // Spelling suggestions prefer a DCI to its aliases, then the most prescribed substance.
    add('substance', s.dci, 'any', ref, s.cisCount + 1000, substanceKeys[ref]);
    for (const a of s.aliases) add('substance', a, /^[A-Z0-9Δ-]+$/.test(a) && a.length <= 5 ? 'exact' : 'any', ref, s.cisCount);
  });
  const brandKeys = index.brands.map((b) => foldKey(b.name));
  const common = new Set(index.commonWords);
  const variants = brandVariantKeys(brandKeys, (w) => common.has(w));
  index.brands.forEach((b, ref) => {
    const key = brandKeys[ref];
    const short = key.replace(/[^\p{L}]/gu, '').length <= 5;
    const rule = b.needsMark || short ? 'capitalsOrMark' : 'any';
    add('brand', b.name, rule, ref, b.cis.length, key);
    // Spellings of it (« corenitec », « co doliprane »): the same name, found by another key.
    for (const v of variants[ref]) add('brand', b.name, rule, ref, b.cis.length, v);
  });
  index.trials.forEach((t, ref) => {
    for (const n of [t.name, ...t.aliases]) add('trial', n, 'exact', ref);
  });
  const bySubstanceKey = new Set(substanceKeys);
  index.abbreviations.forEach((a, ref) => {
    // Short capitals (MTX, IgIV) as written; a spelled-out name (« vitamine D ») in any case.
    const rule: CaseRule = /\s/.test(a.abbreviation) || a.abbreviation.length > 6 ? 'any' : 'exact';
    if (a.dci.some((d) => bySubstanceKey.has(foldKey(d)))) add('abbreviation', a.abbreviation, rule, ref);
  });
  (index.classes ?? []).forEach((c, ref) => {
    for (const n of [c.name, ...c.aliases]) add('class', n, /^[A-Z][A-Za-z-]{1,5}$/.test(n) && /[A-Z].*[A-Z]/.test(n) ? 'exact' : 'any', ref);
  });

  // The trie of word ids, numbered breadth-first from each head.
  const heads = new Map<number, Node>();
  const nodes: Node[] = [];
  const node = () => {
    const n: Node = { names: [], next: new Map(), id: nodes.length };
    nodes.push(n);
    return n;
  };
  names.forEach((n, k) => {
    let at: Node | undefined = heads.get(n.ids[0]);
    if (!at) heads.set(n.ids[0], (at = node()));
    for (const id of n.ids.slice(1)) {
      let next: Node | undefined = at.next.get(id);
      if (!next) at.next.set(id, (next = node()));
      at = next;
    }
    at.names.push(k);
  });

  const nameTable: number[] = [];
  const nameOffsets = new Int32Array(names.length);
  names.forEach((n, k) => {
    nameOffsets[k] = nameTable.length;
    nameTable.push(KINDS.indexOf(n.kind), RULES.indexOf(n.caseRule), n.ref, n.weight, n.ids.length, ...n.ids);
  });
  const headTable = new Int32Array(words.length);
  for (const [id, n] of heads) headTable[id] = n.id + 1;
  const nodeTable = new Int32Array(nodes.length * 4);
  const children: number[] = [];
  const nodeNames: number[] = [];
  for (const n of nodes) {
    nodeTable.set([children.length / 2, n.next.size, nodeNames.length, n.names.length], n.id * 4);
    for (const [id, child] of n.next) children.push(id, child.id);
    nodeNames.push(...n.names);
  }

  let size = 1024;
  while (size < words.length * 2) size *= 2;
  const slots = new Int32Array(3 * size);
  const fingerprints = new Set<string>();
  words.forEach((w, id) => {
    const [h, h2] = hashesOf(w);
    if (fingerprints.has(`${h},${h2}`)) throw new Error(`two words with one 64-bit hash: ${w}`);
    fingerprints.add(`${h},${h2}`);
    let s = h & (size - 1);
    while (slots[3 * s] !== 0) s = (s + 1) & (size - 1);
    slots.set([id + 1, h, h2], 3 * s);
  });

  // Spelling candidates: one-word substance and brand names any case may write, of at least 5 letters, the
  // first name of each spelling key (a DCI before its aliases).
  const spell: { key: string; name: number }[] = [];
  const spelled = new Set<string>();
  names.forEach((n, k) => {
    if ((n.kind !== 'substance' && n.kind !== 'brand') || n.ids.length !== 1 || n.caseRule !== 'any') return;
    const key = spellingKey(n.name);
    if (key.length < 5 || spelled.has(key)) return;
    spelled.add(key);
    spell.push({ key, name: k });
  });
  const deletionPairs: [number, number][] = [];
  spell.forEach((c, i) => {
    for (const d of new Set(deletions(c.key))) deletionPairs.push([hashOf(d), i]);
  });
  deletionPairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const soundPairs = spell.map((c, i): [number, number] => [hashOf(soundKey(c.key)), i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const list = (xs: string[]) => {
    if (xs.some((x) => x.includes('\n'))) throw new Error('a name or word holds a line break');
    const starts = new Int32Array(xs.length + 1);
    let at = 0;
    xs.forEach((x, i) => { starts[i] = at; at += x.length + 1; });
    starts[xs.length] = at;
    return { text: xs.join('\n'), starts };
  };
  const w = list(words), nm = list(names.map((n) => n.name)), ky = list(names.map((n) => n.key)), sp = list(spell.map((c) => c.key));
  return {
    words: w.text, wordStarts: w.starts, wordFlags: Uint8Array.from(flags), slots,
    names: nm.text, nameStarts: nm.starts, keys: ky.text, keyStarts: ky.starts,
    nameTable: Int32Array.from(nameTable), nameOffsets, heads: headTable, nodes: nodeTable,
    children: Int32Array.from(children), nodeNames: Int32Array.from(nodeNames),
    spellKeys: sp.text, spellStarts: sp.starts, spellNames: Int32Array.from(spell, (c) => c.name),
    deletionHashes: Int32Array.from(deletionPairs, (p) => p[0]), deletionCandidates: Int32Array.from(deletionPairs, (p) => p[1]),
    soundHashes: Int32Array.from(soundPairs, (p) => p[0]), soundCandidates: Int32Array.from(soundPairs, (p) => p[1]),
    dcis: index.substances.map((s) => s.dci).join('\n'), substanceKeys: substanceKeys.join('\n'),
    brandKeys: brandKeys.join('\n'), trialKeys: index.trials.map((t) => foldKey(t.name)).join('\n'),
  };
}

/** A word and each form of it with one letter deleted. */
export function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
