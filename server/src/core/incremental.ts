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
 * what crosses stretches: the heading a dose falls back on (`attachDoses`, as `analyze` calls it, for the doses
 * with neither a drug nor a heading in their stretch), the mentions kept (dosed, or a gas where it is a
 * treatment), the registry's dose rules (`runRules('doses')`, as `analyze` runs them), the final sort. A dose's context and cross-stretch attachment are
 * read on its surroundings (the stretches from the one with the heading above it to the one after it, where its
 * sentence, heading and any unknown word between read as in the whole text), so that an edit builds no list or
 * index of the whole document; the prose text is a rope of the stretches' texts. The memory holds the pieces and
 * stretches of the last text only. An analysis's mentions, unknown words, doses and blocks are the analyzer's own,
 * valid until its next call: there, the stretches an edit moved have them moved in place, not copied (typing « p »
 * in the middle of 1 MB moves half the document's mentions and doses and allocates none; a dose is copied afresh
 * only when its drug or its rules' run changed). A text that is not NFC with LF breaks goes through `withNfc`.
 */
import { readChunk, rereadChunks, type Chunk, type ChunkReading } from './chunks';
import { analysePiece, edgesOf, proseOfStretch, stretches, type Edges, type Piece } from './pieces';
import type { Analysis, AttachedDose } from './analyze';
import type { Block, Prose } from './prose';
import type { Mention } from './mentions';
import type { Finding } from './checks';
import { attachDoses, contextOf, type Attachment, type Sentences } from './attach';
import { SENTENCE_END } from './blocks';
import { runRules } from './rules/registry';
import type { Lexicon } from './lexicon';
import { spellerOf, type Speller } from './suggest';
import { isNfc, withNfc } from './nfc';
import { movedDose, movedFinding, movedMention, Movings, type Moved, type MovedMemory } from './moved';

export interface DocumentAnalyzer {
  /** The analysis of `text`; the next call may move its mentions, doses, findings and blocks (read only the last one). */
  analyze(text: string): Analysis;
  /** Of the last call: stretches of the text, stretches read afresh, stretches held in memory. */
  stats(): { stretches: number; read: number; held: number };
  /**
   * `analysis.prose.text.slice(start, end)` read from the stretches' own texts, without making the rope of the
   * whole prose flat (2 MB for 1 MB of French); undefined unless `analysis` is the last call's (and of an NFC text).
   */
  proseSlice(analysis: Analysis, start: number, end: number): string | undefined;
}


/**
 * `notes`: with the notes (`runRules('notes')`, as core/document.ts adds them to `analyze`), read per stretch,
 * so that no call flattens the document's prose text (2 MB for 1 MB of French) to read a few names in it.
 */
export function createDocumentAnalyzer(lexicon: Lexicon, { notes = false } = {}): DocumentAnalyzer {
  const speller = spellerOf(lexicon);
  const memory = new Memory(lexicon, speller, notes);
  // A text read as its NFC copy has its notes read afterwards, on the source's prose text (as `analyze` is).
  const analyzeNfc = (text: string) => memory.analyze(text, true)!;
  const viaNfc = (text: string) => (notes ? withNotes(withNfc(text, analyzeNfc)) : withNfc(text, analyzeNfc));
  return {
    // A text without CR whose pieces are all NFC is NFC (a piece starts on a line's first character, never a mark).
    analyze: (text) => (text.indexOf('\r') < 0 && memory.analyze(text, false)) || viaNfc(text),
    stats: () => ({ ...memory.stats }),
    proseSlice: (analysis, start, end) => (analysis === memory.lastAnalysis ? memory.proseSlice(start, end) : undefined),
  };
}

type Reading = ChunkReading & { edges?: Edges; nfc?: boolean; tag: string };
let nextId = 0;

/** The pieces and stretches of the last text analysed, by their text. */
class Memory {
  private readings = new Map<string, Reading>();
  private pieces = new Map<string, Piece>();
  /** The last text and its pieces: an edit re-reads only the pieces between its first and last changed characters. */
  private last = { text: '', chunks: [] as Chunk[] };
  private spans: SpanMemory = new Map();
  private moved: MovedMemory = new Map();
  stats = { stretches: 0, read: 0, held: 0 };
  /** The last analysis of a text read as it is (not as its NFC copy), and its stretches in place. */
  lastAnalysis?: Analysis;
  private placed: Placed[] = [];
  constructor(private readonly lexicon: Lexicon, private readonly speller: Speller, private readonly notes: boolean) {}

  /** The analysis of `text`; undefined when it is not NFC (unless `nfc` says it is). */
  analyze(text: string, nfc: boolean): Analysis | undefined {
    const readings = new Map<string, Reading>();
    const shift = text.length - this.last.text.length;
    const chunks = rereadChunks(this.last.text, this.last.chunks, text, (piece) => {
      let r: Reading | undefined = readings.get(piece) ?? this.readings.get(piece);
      if (!r) r = { ...readChunk(piece), tag: `${nextId++},` };
      readings.set(piece, r);
      return r;
    });
    this.readings = readings;
    this.last = { text, chunks };
    if (!nfc && !chunks.every((c) => ((c.reading as Reading).nfc ??= isNfc(text.slice(c.start, c.end))))) return undefined;
    const edges = chunks.map((c) => ((c.reading as Reading).edges ??= edgesOf(c.reading.prose.text)));
    const pieces = new Map<string, Piece>();
    const placed: { start: number; piece: Piece }[] = [];
    let read = 0;
    for (const [first, last] of stretches(chunks, edges)) {
      const start = chunks[first].start;
      // The same pieces (memoised on their text) make the same stretch.
      let key = '';
      for (let i = first; i <= last; i++) key += (chunks[i].reading as Reading).tag;
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
    // A text read as its NFC copy has its offsets moved back by `withNfc`: nothing of it is kept, nor reused.
    const moved = new Movings(nfc ? new Map() : this.moved, shift);
    const { analysis, spans } = join(placed, this.lexicon, this.spans, moved, this.notes && !nfc);
    this.spans = spans;
    this.moved = nfc ? new Map() : moved.kept;
    this.placed = nfc ? [] : placed;
    this.lastAnalysis = nfc ? undefined : analysis;
    return analysis;
  }

  /** The last analysis's prose text from `start` to `end`, cut from the stretches it spans (each at its start). */
  proseSlice(start: number, end: number): string {
    const placed = this.placed;
    let lo = 0, hi = placed.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (placed[mid].start <= start) lo = mid; else hi = mid - 1;
    }
    let out = '';
    for (let k = lo; k < placed.length && placed[k].start < end; k++) {
      const { start: at, piece } = placed[k];
      out += piece.prose.text.slice(Math.max(0, start - at), Math.max(0, end - at));
    }
    return out;
  }
}

interface Placed { start: number; piece: Piece }

/**
 * The prose and sentence starts of stretches from..to, offsets relative to the first one's start: what
 * `contextOf` and `attachDoses` read around a dose (its sentence, the heading above it) is the same there as
 * in the whole document.
 */
function proseOf(placed: Placed[], from: number, to: number): { prose: Prose; sentences: Sentences } {
  const base = placed[from].start;
  const blocks: Block[] = [];
  const starts: number[] = [0];
  let text = '';
  // The white space between two stretches' texts (from the last non-space character of one to the first of the
  // next) is read here, across them: a sentence end there depends on both.
  let gap = '', gapFrom = 0;
  const readGap = (to: number) => {
    ENDS.lastIndex = 0;
    for (let m = ENDS.exec(gap); m && gapFrom + m.index < to; m = ENDS.exec(gap)) insertSorted(starts, gapFrom + m.index + m[0].length);
  };
  for (let k = from; k <= to; k++) {
    const { start, piece } = placed[k];
    const at = start - base, own = piece.prose.text;
    text += own;
    for (const b of piece.prose.blocks) blocks.push({ kind: b.kind, start: b.start + at, end: b.end + at });
    if (piece.first < 0) { gap += own; continue; }
    gap += own.slice(0, piece.first + 1); // with the next non-space character, for the look-ahead
    readGap(at + piece.first);
    for (const s of piece.starts) insertSorted(starts, s + at);
    gap = own.slice(piece.last);
    gapFrom = at + piece.last;
  }
  readGap(text.length);
  return { prose: { text, blocks }, sentences: { starts } };
}
const ENDS = new RegExp(SENTENCE_END.source, 'g');

/** Adds `value` to an ascending list without repeats; values come nearly in order (a short walk back at most). */
function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > value) i--;
  if (i > 0 && list[i - 1] === value) return;
  if (i === list.length) list.push(value);
  else list.splice(i, 0, value);
}

/** A found dose, where it comes from, and the drug its stretch gave it. */
interface Found { at: number; start: number; piece: Piece; moved: Moved; index: number; drug?: Mention; strategy?: string }
/** Per stretch, where its mentions and unknown words start in the document's lists. */
interface Bases { mentions: number; unknown: number }

/**
 * Around a dose (stretch `at`): the stretches from the nearest one before with a heading (or its own, when the
 * heading above it is in it) to the one after it. Made once per call and span.
 */
interface Around { base: number; from: number; to: number; prose: Prose; sentences: Sentences }

/** The prose of a run of stretches, by the stretches it is made of: kept from one call to the next while used. */
export type SpanMemory = Map<string, { prose: Prose; sentences: Sentences }>;
const pieceIds = new WeakMap<Piece, number>();
let nextPieceId = 0;
function pieceId(piece: Piece): number {
  let id = pieceIds.get(piece);
  if (id === undefined) pieceIds.set(piece, (id = nextPieceId++));
  return id;
}

class Surroundings {
  private made = new Map<string, Around>();
  /** The spans used in this call, for the next one. */
  readonly used: SpanMemory = new Map();
  constructor(private readonly placed: Placed[], private readonly previous: SpanMemory) {}

  of(f: Found): Around {
    let from = f.at;
    if (!f.piece.headed[f.index]) for (let k = f.at - 1; k >= 0; k--) if (this.placed[k].piece.hasHeading) { from = k; break; }
    const to = Math.min(f.at + 1, this.placed.length - 1);
    const key = `${from}:${to}`;
    let s = this.made.get(key);
    if (!s) {
      let ids = '';
      for (let k = from; k <= to; k++) ids += `${pieceId(this.placed[k].piece)},`;
      const span = this.used.get(ids) ?? this.previous.get(ids) ?? proseOf(this.placed, from, to);
      this.used.set(ids, span);
      this.made.set(key, (s = { base: this.placed[from].start, from, to, ...span }));
    }
    return s;
  }
}

/** What `analyze` does after attachment, on the whole document, from the stretches' results. */
function join(placed: Placed[], lexicon: Lexicon, spans: SpanMemory, movings: Movings, withNotes: boolean): { analysis: Analysis; spans: SpanMemory } {
  const allMentions: Mention[] = [];
  const treated = new Set<Mention>();
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let proseText = '';
  const found: Found[] = [];
  const bases: Bases[] = [];
  const noted = new Map<Mention, Finding[]>();
  placed.forEach(({ start, piece }, at) => {
    bases.push({ mentions: allMentions.length, unknown: findings.length });
    proseText += piece.prose.text;
    const moved = movings.of(piece, start);
    for (const b of moved.blocks) blocks.push(b);
    const base = allMentions.length;
    const notes = withNotes ? notesOf(piece) : [];
    moved.mentions.forEach((m, i) => {
      allMentions.push(m);
      if (piece.treated[i]) treated.add(m);
      if (notes[i]?.length) noted.set(m, notes[i].map((f) => movedFinding(f, start)));
    });
    for (const f of moved.unknown) findings.push(f);
    piece.doses.forEach((d, index) => {
      const a = piece.attached[index];
      found.push({ at, start, piece, moved, index, drug: a && allMentions[base + a.drug], strategy: a?.strategy });
    });
  });
  const around = new Surroundings(placed, spans);
  const doses: AttachedDose[] = [];
  const dosed = new Set<Mention>();
  const judged: Finding[][] = [];
  for (const f of found) {
    // A dose with no drug and no heading in its stretch: a heading in a stretch before may name it. As `analyze` does.
    const attachment = f.drug ? { drug: f.drug, strategy: f.strategy! } : f.piece.headed[f.index] ? undefined : attachAcross(f, around, bases, allMentions, findings);
    const drug = attachment?.drug;
    if (f.piece.doses[f.index].unit === '%' && !drug?.substances.some((n) => dosedInPercent(lexicon, n))) continue;
    if (drug) dosed.add(drug);
    const { dose, found: ruled } = ruleDose(f, attachment, around, lexicon);
    doses.push(dose);
    judged.push(ruled);
  }
  // A common word (glycine, oxygène) is a drug with a dose, or, for a gas, where it is a treatment (« sous oxygène »).
  const mentions = allMentions.filter((m) => !m.needsDose || dosed.has(m) || treated.has(m));
  for (const ruled of judged) findings.push(...ruled);
  findings.sort((a, b) => a.start - b.start);
  // A rope of the stretches' texts: made flat only if something reads it whole.
  const analysis = { prose: { text: proseText, blocks }, mentions, doses, findings };
  if (noted.size) withNotesOf(analysis, mentions.flatMap((m) => noted.get(m) ?? []));
  return { analysis, spans: around.used };
}

/** A stretch's notes, per mention (relative offsets), read once. */
function notesOf(piece: Piece): Finding[][] {
  return (piece.notes ??= piece.mentions.map((m) => runRules('notes', { text: piece.prose.text, mentions: [m] })));
}

/** The notes after the other findings, in text order, as core/document.ts adds them. */
function withNotesOf(analysis: Analysis, notes: Finding[]): Analysis {
  if (notes.length) analysis.findings = [...analysis.findings, ...notes].sort((a, b) => a.start - b.start);
  return analysis;
}

/** The notes on names after an analysis (core/document.ts for a whole text). */
export const withNotes = (analysis: Analysis) => withNotesOf(analysis, runRules('notes', { text: analysis.prose.text, mentions: analysis.mentions }));

/** Whether a substance has a range in % (as `analyze` asks of a dose in %), once per lexicon and name. */
const percentRanges = new WeakMap<Lexicon, Map<string, boolean>>();
function dosedInPercent(lexicon: Lexicon, name: string): boolean {
  let known = percentRanges.get(lexicon);
  if (!known) percentRanges.set(lexicon, (known = new Map()));
  let yes = known.get(name);
  if (yes === undefined) known.set(name, (yes = !!lexicon.substance(name)?.ranges.some((r) => r.unit === '%')));
  return yes;
}

/** `attachDoses` for one dose, on its surroundings (drugs and unknown words there, moved to its offsets). */
function attachAcross(f: Found, around: Surroundings, bases: Bases[], allMentions: Mention[], findings: Finding[]): Attachment | undefined {
  const { base, prose, sentences, from, to } = around.of(f);
  const stop = to + 1 < bases.length ? bases[to + 1] : { mentions: allMentions.length, unknown: findings.length };
  const originals = new Map<Mention, Mention>();
  const drugs: Mention[] = [];
  for (const m of allMentions.slice(bases[from].mentions, stop.mentions)) {
    if (m.kind !== 'drug') continue;
    const moved = movedMention(m, -base);
    originals.set(moved, m);
    drugs.push(moved);
  }
  const unknown = findings.slice(bases[from].unknown, stop.unknown).map((u) => ({ start: u.start - base, end: u.end - base }));
  const dose = movedDose(f.piece.doses[f.index], f.start - base);
  const a = attachDoses(prose, sentences, [dose], drugs, unknown).get(dose);
  return a && { drug: originals.get(a.drug)!, strategy: a.strategy };
}

/** The context `contextOf` gives a dose in the whole document: read in its stretch alone when that is the same. */
function contextFor(f: Found, around: Surroundings): string {
  const { piece, index } = f;
  const local = piece.doses[index].start;
  const next = piece.sentences.starts.find((s) => s > local);
  // Its sentence ends before the stretch's last non-space character, and the heading above it is in the stretch.
  if (piece.headed[index] && next !== undefined && next <= piece.last) return (piece.contexts[index] ??= contextOf(piece.prose, piece.sentences, local));
  const { base, prose, sentences } = around.of(f);
  return contextOf(prose, sentences, f.start + local - base);
}

/** The same drug for the dose rules: the same mention, or one of the same name (a stretch repeated elsewhere). */
function sameDrug(a: Mention | undefined, b: Mention | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.text !== b.text || a.id !== b.id || a.entry.kind !== b.entry.kind || a.entry.key !== b.entry.key) return false;
  return a.substances.length === b.substances.length && a.substances.every((n, i) => n === b.substances[i]);
}

/**
 * The registry's dose rules on one dose, as `analyze` runs them on every dose (one family of dose rules today:
 * the findings come in dose order either way); reused while the dose's drug (the same mention, mostly: mentions
 * are kept between calls, moved in place) and context are the same. The dose itself is the last call's, moved
 * in place, while its drug is the same mention and its rules' run the same; else a copy of the stretch's dose.
 */
function ruleDose(f: Found, attachment: Attachment | undefined, around: Surroundings, lexicon: Lexicon): { dose: AttachedDose; found: Finding[] } {
  const raw = f.piece.doses[f.index], drug = attachment?.drug;
  const context = raw.components || drug ? contextFor(f, around) : '';
  let memo = f.piece.ruled[f.index];
  let dose: AttachedDose | undefined;
  if (!memo || !sameDrug(memo.drug, drug) || memo.strategy !== attachment?.strategy || memo.context !== context) {
    const d = (dose = attachedCopy(f, attachment));
    const before: Record<string, unknown> = { ...d };
    const found = runRules('doses', { doses: [d], lexicon, contextAt: () => context });
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) if (!(k in before) || before[k] !== v) set[k] = v; // a field set to undefined too
    f.piece.ruled[f.index] = memo = { drug, strategy: d.attachedBy, context, findings: found.map((x) => movedFinding(x, -d.start)), set };
  }
  const last = f.moved.doses[f.index];
  if (!dose && last?.ruled === memo && last.dose.drug === drug) dose = last.dose;
  else if (!dose) Object.assign((dose = attachedCopy(f, attachment)), memo.set);
  f.moved.doses[f.index] = { dose, ruled: memo };
  const at = dose.start;
  return { dose, found: memo.findings.map((x) => movedFinding(x, at)) };
}

/** A copy of the stretch's dose at its place, with its drug and how it was attached. */
function attachedCopy(f: Found, attachment: Attachment | undefined): AttachedDose {
  const dose = movedDose(f.piece.doses[f.index], f.start);
  dose.drug = attachment?.drug;
  if (attachment) dose.attachedBy = attachment.strategy;
  return dose;
}

export type { Chunk };
