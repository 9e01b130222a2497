/**
 * Completion of drug, brand and trial names, accent-insensitive (« pregab » → prégabaline), nothing inside
 * code: a short list from the index's completion table, the names the document already cites first; each
 * item's card is given only when the editor resolves it (`resolveCompletion`). `isProse` decides from the
 * block around the word (features/prose-at.ts).
 */
import type { Analysis } from '../core/analyze';
import type { Lexicon, NameEntry, NameKind } from '../core/lexicon';
import { brandCard, substanceCard, trialCard } from './cards';

export interface CompletionResult {
  label: string;
  kind: 'drug' | 'brand' | 'trial';
  detail: string;
  /** What `resolveCompletion` takes to give the item's card (the name's index in the lexicon). */
  data: number;
  /** Offsets of the word being completed, replaced by the label. */
  start: number;
  end: number;
}

/** How many items a list holds: what an editor shows at once (VS Code: 12 lines), small enough to stay under 3 KB. */
export const COMPLETION_ITEMS = 12;

/** What the document names, by record: asked per completion candidate, made once per analysis. */
const citedBy = new WeakMap<Analysis, (kind: NameKind, ref: number) => boolean>();
function citations(analysis: Analysis, lexicon: Lexicon): (kind: NameKind, ref: number) => boolean {
  let cited = citedBy.get(analysis);
  if (!cited) {
    const dcis = new Set<string>(), brands = new Set<number>(), trials = new Set<number>();
    // A substance's DCI is read from the index: once per substance named (thousands of mentions, a few hundred names).
    const substances = new Map<number, NameEntry>();
    for (const { entry } of analysis.mentions) {
      if (entry.kind === 'brand') brands.add(entry.ref);
      else if (entry.kind === 'trial') trials.add(entry.ref);
      else if (entry.kind === 'substance') { if (!substances.has(entry.ref)) substances.set(entry.ref, entry); }
      else if (entry.dci) dcis.add(entry.dci);
    }
    for (const entry of substances.values()) if (entry.dci) dcis.add(entry.dci);
    cited = (kind, ref) => (kind === 'substance' ? dcis.has(lexicon.dciAt(ref)) : kind === 'brand' ? brands.has(ref) : trials.has(ref));
    citedBy.set(analysis, cited);
  }
  return cited;
}

/** `cited`: the document's last analysis, whose names come first. */
export function completionsAt(source: string, offset: number, lexicon: Lexicon, isProse: (start: number, end: number) => boolean, cited?: Analysis): CompletionResult[] {
  const before = source.slice(Math.max(0, offset - 60), offset);
  const m = /[\p{L}\p{N}-]+$/u.exec(before);
  // From the first letter: VS Code asks again while typing only a provider that returned items (an empty
  // « incomplete » answer is forgotten for the rest of the word).
  if (!m) return [];
  const start = offset - m[0].length;
  if (!isProse(start, offset)) return []; // code, URLs, front matter
  return lexicon.complete(m[0], COMPLETION_ITEMS, cited && citations(cited, lexicon)).map((e) => ({ ...itemOf(e), data: e.index, start, end: offset }));
}

function itemOf(e: NameEntry): Pick<CompletionResult, 'label' | 'kind' | 'detail'> {
  if (e.kind === 'trial') return { label: e.name, kind: 'trial', detail: `essai ${e.trial!.nct ?? ''}`.trim() };
  if (e.kind === 'brand') return { label: e.name, kind: 'brand', detail: shortened(`marque — ${e.brand!.substances.join(' + ')}`) };
  const dci = e.dci!;
  return { label: e.name, kind: 'drug', detail: e.name === dci ? 'DCI' : `→ ${dci}` };
}

/** A detail of at most 40 characters (a brand of many substances): the card, on resolve, gives them all. */
const shortened = (detail: string) => (detail.length > 40 ? `${detail.slice(0, 39)}…` : detail);

/** The card of a completion item (its `data`), or undefined for data this server did not give. */
export function resolveCompletion(data: unknown, lexicon: Lexicon): string | undefined {
  if (!Number.isInteger(data) || (data as number) < 0 || (data as number) >= lexicon.nameCount) return undefined;
  const e = lexicon.entryAt(data as number);
  if (e.kind === 'trial') return trialCard(e.trial!);
  if (e.kind === 'brand') return brandCard(e.brand!, lexicon);
  const s = e.substance;
  return s ? substanceCard(s, lexicon) : undefined;
}
