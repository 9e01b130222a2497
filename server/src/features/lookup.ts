/**
 * The look-up command's list: every name of the lexicon (DCI, alias, brand, trial, class, abbreviation)
 * with what it is, and the card of the one chosen. The client filters it accent-insensitively.
 *
 *   { id: 5120, label: 'prégabaline', description: 'DCI' }   { label: 'LYRICA', description: 'marque — prégabaline' }
 */
import type { Lexicon, NameEntry } from '../core/lexicon';
import { entryCard } from './cards';

export interface LookupName {
  /** The entry's index in `lexicon.entries`, for `cardOf`. */
  id: number;
  label: string;
  description: string;
}

function describe(e: NameEntry): string {
  switch (e.kind) {
    case 'substance': return e.name === e.substance?.dci ? 'DCI' : `autre nom — ${e.substance?.dci ?? ''}`;
    case 'brand': return `marque — ${e.brand?.substances.join(' + ') ?? ''}`;
    case 'trial': return 'essai clinique';
    case 'class': return 'classe thérapeutique';
    default: return `abréviation — ${e.ambiguous?.map((s) => s.dci).join(' ou ') ?? e.substance?.dci ?? ''}`;
  }
}

export function lookupNames(lexicon: Lexicon): LookupName[] {
  return lexicon.entries.map((e, id) => ({ id, label: e.name, description: describe(e) }));
}

export function cardOf(lexicon: Lexicon, id: number): { name: string; markdown: string } | null {
  const e = lexicon.entries[id];
  return e ? { name: e.name, markdown: entryCard(e, lexicon) } : null;
}
