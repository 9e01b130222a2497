/**
 * The analysis the editor and the CLI show: `analyze` (mentions, doses, findings) and the notes on names that
 * come after it, which must not take part in attaching doses (an English name is the drug, not an unknown word:
 * « acetaminophen 1 g » keeps its dose). « Le patient prend de l'acetaminophen » → english-name, paracétamol.
 */
import { analyze, type Analysis } from './analyze';
import { createDocumentAnalyzer, withNotes } from './incremental';
import type { Lexicon } from './lexicon';

export function analyzeDocument(source: string, lexicon: Lexicon): Analysis {
  return withNotes(analyze(source, lexicon));
}

/**
 * The same analysis for a document that is edited (the server keeps one per open document): each call
 * re-reads only what changed since the previous one, and may move the previous analysis in place (core/incremental.ts).
 */
export function documentAnalyzer(lexicon: Lexicon): (source: string) => Analysis {
  const incremental = createDocumentAnalyzer(lexicon, { notes: true });
  return (source) => incremental.analyze(source);
}
