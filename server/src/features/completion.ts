/**
 * Completion of drug, brand and trial names, accent-insensitive ("pregab" → prégabaline); nothing inside code
 * (`isProse` decides, from the block around the word: features/prose-at.ts).
 */
import type { Lexicon } from '../core/lexicon';
import { brandCard, substanceCard, trialCard } from './cards';

export interface CompletionResult {
  label: string;
  kind: 'drug' | 'brand' | 'trial';
  detail: string;
  documentation: string;
  /** Offsets of the word being completed, replaced by the label. */
  start: number;
  end: number;
}

export function completionsAt(source: string, offset: number, lexicon: Lexicon, isProse: (start: number, end: number) => boolean): CompletionResult[] {
  const before = source.slice(Math.max(0, offset - 60), offset);
  const m = /[\p{L}\p{N}-]+$/u.exec(before);
  // From the first letter: VS Code asks again while typing only a provider that returned items (an empty
  // « incomplete » answer is forgotten for the rest of the word).
  if (!m) return [];
  const start = offset - m[0].length;
  if (!isProse(start, offset)) return []; // code, URLs, front matter
  return lexicon.complete(m[0], 30).map((e) => {
    if (e.kind === 'trial') return { label: e.trial!.name, kind: 'trial' as const, detail: `essai ${e.trial!.nct ?? ''}`.trim(), documentation: trialCard(e.trial!), start, end: offset };
    if (e.kind === 'brand') return { label: e.name, kind: 'brand' as const, detail: `marque — ${e.brand!.substances.join(' + ')}`, documentation: brandCard(e.brand!, lexicon), start, end: offset };
    const s = e.substance!;
    return { label: e.name === s.dci ? s.dci : e.name, kind: 'drug' as const, detail: e.name === s.dci ? 'DCI' : `→ ${s.dci}`, documentation: substanceCard(s, lexicon), start, end: offset };
  });
}
