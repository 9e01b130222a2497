/**
 * The analysis of a document that is edited: `createDocumentAnalyzer(lexicon).analyze(text)` returns what
 * `analyze(text, lexicon)` returns (same mentions, doses, findings, in the same order, at the same offsets),
 * but re-reads only the stretches of text that changed since the previous call. Typing « p » in the middle of
 * a 1 MB article re-reads the paragraph around it, not the megabyte.
 *
 *   const doc = createDocumentAnalyzer(lexicon);
 *   doc.analyze('La prégabaline à 150 mg/j.\n\nLe patient…');   // every stretch read
 *   doc.analyze('La prégabaline à 1500 mg/j.\n\nLe patient…');  // only the first one again
 *
 * Markdown is read per piece (core/chunks.ts), the per-stretch work (mentions, unknown words, doses, the drug
 * found in the stretch) per stretch (core/pieces.ts), each memoised on its text. One pass then joins them for
 * what crosses stretches: sentence starts at their edges, the heading a dose falls back on (attachment of the
 * doses that found no drug in their stretch, as `analyze` does it), verdicts and combination checks (memoised
 * on the dose, its drug and the sentence and heading they were judged in), the final sort. The memory holds the
 * pieces and stretches of the last text only. A text that is not NFC with LF breaks goes through `withNfc`.
 */
import { readChunks, readChunk, type Chunk, type ChunkReading } from './chunks';
import { analysePiece, edgesOf, proseOfStretch, stretches, type Edges, type Piece } from './pieces';
import type { Analysis, AttachedDose } from './analyze';
import type { Block, Prose } from './prose';
import type { Mention } from './mentions';
import type { Finding } from './checks';
import type { Dose } from './doses';
import { attachDoses, contextOf, type Sentences } from './attach';
import { SENTENCE_END } from './blocks';
import { checkCombination, doseFinding, judgeDose } from './rules/dose';
import type { Lexicon } from './lexicon';
import { Speller } from './suggest';
import { isNfc, withNfc } from './nfc';

export interface DocumentAnalyzer {
  analyze(text: string): Analysis;
  /** Of the last call: stretches of the text, stretches read afresh, stretches held in memory. */
  stats(): { stretches: number; read: number; held: number };
}

const spellers = new WeakMap<Lexicon, Speller>();

export function createDocumentAnalyzer(lexicon: Lexicon): DocumentAnalyzer {
  let speller = spellers.get(lexicon);
  if (!speller) spellers.set(lexicon, (speller = new Speller(lexicon)));
  const memory = new Memory(lexicon, speller);
  const analyzeNfc = (text: string) => memory.analyze(text, true)!;
  return {
    // A text without CR whose pieces are all NFC is NFC (a piece starts on a line's first character, never a mark).
    analyze: (text) => (text.indexOf('\r') < 0 && memory.analyze(text, false)) || withNfc(text, analyzeNfc),
    stats: () => ({ ...memory.stats }),
  };
}

type Reading = ChunkReading & { edges?: Edges; nfc?: boolean; id?: number };
let nextId = 0;

/** The pieces and stretches of the last text analysed, by their text. */
class Memory {
  private readings = new Map<string, Reading>();
  private pieces = new Map<string, Piece>();
  stats = { stretches: 0, read: 0, held: 0 };
  constructor(private readonly lexicon: Lexicon, private readonly speller: Speller) {}

  /** The analysis of `text`; undefined when it is not NFC (unless `nfc` says it is). */
  analyze(text: string, nfc: boolean): Analysis | undefined {
    const readings = new Map<string, Reading>();
    const chunks = readChunks(text, (piece) => {
      let r: Reading | undefined = readings.get(piece) ?? this.readings.get(piece);
      if (!r) r = { ...readChunk(piece), id: nextId++ };
      readings.set(piece, r);
      return r;
    });
    this.readings = readings;
    if (!nfc && !chunks.every((c) => ((c.reading as Reading).nfc ??= isNfc(text.slice(c.start, c.end))))) return undefined;
    const edges = chunks.map((c) => ((c.reading as Reading).edges ??= edgesOf(c.reading.prose.text)));
    const pieces = new Map<string, Piece>();
    const placed: { start: number; piece: Piece }[] = [];
    let read = 0;
    for (const [first, last] of stretches(chunks, edges)) {
      const start = chunks[first].start;
      // The same pieces (memoised on their text) make the same stretch.
      let key = '';
      for (let i = first; i <= last; i++) key += `${(chunks[i].reading as Reading).id},`;
      let piece = pieces.get(key) ?? this.pieces.get(key);
      if (!piece) {
        piece = analysePiece(proseOfStretch(chunks, first, last), this.lexicon, this.speller);
        read++;
      }
      pieces.set(key, piece);
      placed.push({ start, piece });
    }
    this.pieces = pieces;
    this.stats = { stretches: placed.length, read, held: pieces.size };
    return join(text, placed, this.lexicon);
  }
}

/** A copy of a mention, a finding or a dose, `shift` characters further. */
function movedMention(m: Mention, shift: number): Mention {
  return { ...m, start: m.start + shift, end: m.end + shift };
}
function movedFinding(f: Finding, shift: number): Finding {
  const moved: Finding = { ...f, start: f.start + shift, end: f.end + shift };
  if (f.fixes) moved.fixes = f.fixes.map((x) => ({ ...x, edit: { ...x.edit, start: x.edit.start + shift, end: x.edit.end + shift } }));
  return moved;
}
function movedDose(d: Dose, shift: number): AttachedDose {
  const moved: AttachedDose = { ...d, start: d.start + shift, end: d.end + shift, unitStart: d.unitStart + shift };
  if (d.basisStart !== undefined) moved.basisStart = d.basisStart + shift;
  return moved;
}

interface Placed { start: number; piece: Piece }

/** The whole document's prose and sentence starts, from the stretches'. */
function joinProse(text: string, placed: Placed[]): { prose: Prose; sentences: Sentences } {
  const blocks: Block[] = [];
  for (const { start, piece } of placed) {
    for (const b of piece.prose.blocks) blocks.push({ kind: b.kind, start: b.start + start, end: b.end + start });
  }
  const proseText = placed.map((p) => p.piece.prose.text).join('');
  const starts: number[] = [0];
  // The white space between two stretches' texts (from the last non-space character of one to the first of the
  // next) is read here, across them: a sentence end there depends on both.
  let gapFrom = 0;
  const ends = new RegExp(SENTENCE_END.source, 'g');
  const readGap = (to: number) => {
    const gap = proseText.slice(gapFrom, to + 1); // with the next non-space character, for the look-ahead
    ends.lastIndex = 0;
    for (let m = ends.exec(gap); m && gapFrom + m.index < to; m = ends.exec(gap)) insertSorted(starts, gapFrom + m.index + m[0].length);
  };
  for (const { start, piece } of placed) {
    if (piece.first < 0) continue;
    readGap(start + piece.first);
    for (const s of piece.starts) insertSorted(starts, s + start);
    gapFrom = start + piece.last;
  }
  readGap(proseText.length);
  return { prose: { text: proseText, blocks }, sentences: { starts } };
}

/** Adds `value` to an ascending list without repeats; values come nearly in order (a short walk back at most). */
function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > value) i--;
  if (i > 0 && list[i - 1] === value) return;
  if (i === list.length) list.push(value);
  else list.splice(i, 0, value);
}

/** What `analyze` does after attachment, on the whole document, from the stretches' results. */
function join(text: string, placed: Placed[], lexicon: Lexicon): Analysis {
  const { prose, sentences } = joinProse(text, placed);
  const allMentions: Mention[] = [];
  const findings: Finding[] = [];
  const found: { dose: AttachedDose; piece: Piece; index: number; drug?: Mention; strategy?: string; decided: boolean }[] = [];
  for (const { start, piece } of placed) {
    const base = allMentions.length;
    for (const m of piece.mentions) allMentions.push(movedMention(m, start));
    for (const f of piece.unknown) findings.push(movedFinding(f, start));
    piece.doses.forEach((d, index) => {
      const a = piece.attached[index];
      found.push({ dose: movedDose(d, start), piece, index, drug: a && allMentions[base + a.drug], strategy: a?.strategy, decided: !!a || piece.headed[index] });
    });
  }
  const drugs = allMentions.filter((m) => m.kind === 'drug');
  // Doses with no drug and no heading in their stretch: a heading in a stretch before may name it. As `analyze` does.
  const alone = found.filter((f) => !f.decided).map((f) => f.dose);
  const late = alone.length ? attachDoses(prose, sentences, alone, drugs, [...findings]) : new Map();
  const doses: AttachedDose[] = [];
  const dosed = new Set<Mention>();
  const judged: typeof found = [];
  for (const f of found) {
    const attachment = f.drug ? { drug: f.drug, strategy: f.strategy! } : late.get(f.dose);
    const drug = attachment?.drug;
    const dose = f.dose;
    if (dose.unit === '%' && !(drug && lexicon.substance(drug.id)?.ranges.some((r) => r.unit === '%'))) continue;
    dose.drug = drug;
    if (attachment) dose.attachedBy = attachment.strategy;
    if (drug) dosed.add(drug);
    doses.push(dose);
    judged.push(f);
  }
  const mentions = allMentions.filter((m) => !m.needsDose || dosed.has(m));
  for (const f of judged) findings.push(...judge(f.dose, f.piece, f.index, prose, sentences, lexicon));
  findings.sort((a, b) => a.start - b.start);
  return { prose, mentions, doses, findings };
}

/** A dose's verdict and findings, as `analyze` gives them; reused when the dose, its drug and its context are the same. */
function judge(d: AttachedDose, piece: Piece, index: number, prose: Prose, sentences: Sentences, lexicon: Lexicon): Finding[] {
  if (d.components) {
    const context = contextOf(prose, sentences, d.start);
    const key = `${d.drug?.id ?? ''}\u0000${context}`;
    let memo = piece.combined[index];
    if (!memo || memo.key !== key || memo.entry !== d.drug?.entry) {
      const findings = checkCombination(d, lexicon, context).map((f) => movedFinding(f, -d.start));
      piece.combined[index] = memo = { key, entry: d.drug?.entry, findings };
    }
    return memo.findings.map((f) => movedFinding(f, d.start));
  }
  const substance = d.drug && lexicon.substance(d.drug.id);
  if (!substance) return [];
  const context = contextOf(prose, sentences, d.start);
  const key = `${d.drug!.id}\u0000${context}`;
  let memo = piece.judged[index];
  if (!memo || memo.key !== key) piece.judged[index] = memo = { key, entry: undefined, verdict: judgeDose(d, substance, context) };
  d.verdict = memo.verdict;
  const f = doseFinding(d, substance.dci, d.verdict, substance.ranges.some((r) => r.phase === 'initiation'));
  return f ? [f] : [];
}

export type { Chunk };
