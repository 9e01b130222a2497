/** Hover: the card of the drug, brand, trial, class or dose under the cursor. */
import type { Analysis } from '../core/analyze';
import type { Lexicon } from '../core/lexicon';
import { doseCard, entryCard } from './cards';

export interface HoverResult { markdown: string; start: number; end: number }

export function hoverAt(analysis: Analysis, offset: number, lexicon: Lexicon): HoverResult | null {
  const within = <T extends { start: number; end: number }>(x: T) => offset >= x.start && offset <= x.end;
  const dose = analysis.doses.find(within);
  if (dose) return { markdown: doseCard(dose, lexicon), start: dose.start, end: dose.end };
  const m = analysis.mentions.find(within);
  if (!m) return null;
  const markdown = entryCard(m.entry, lexicon, m.text);
  return { markdown, start: m.start, end: m.end };
}
