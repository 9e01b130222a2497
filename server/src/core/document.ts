/**
 * The analysis the editor and the CLI show: `analyze` (mentions, doses, findings) and the notes on names that
 * come after it, which must not take part in attaching doses (an English name is the drug, not an unknown word:
 * « acetaminophen 1 g » keeps its dose). « Le patient prend de l'acetaminophen » → english-name, paracétamol.
 */
import { analyze, type Analysis } from './analyze';
import { runRules } from './rules/registry';
import type { Lexicon } from './lexicon';

export function analyzeDocument(source: string, lexicon: Lexicon): Analysis {
  const analysis = analyze(source, lexicon);
  const notes = runRules('notes', { text: analysis.prose.text, mentions: analysis.mentions });
  if (notes.length) analysis.findings = [...analysis.findings, ...notes].sort((a, b) => a.start - b.start);
  return analysis;
}
