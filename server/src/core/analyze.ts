/**
 * The analysis of one document: Markdown → prose → mentions, doses (attached
 * to their drug) and findings. Pure: text and lexicon in, plain data out.
 */
import { extractProse, type Prose } from './prose';
import { findMentions, tokenize, type Mention } from './mentions';
import { findDoses, type Dose } from './doses';
import { findTableDoses } from './dose/tables';
import { attachDoses, splitSentences, contextOf } from './attach';
import type { Finding } from './checks';
import type { DoseVerdict } from './rules/dose';
import { runRules } from './rules/registry';
import { inTreatmentContext } from './treatment-context';
import type { Lexicon } from './lexicon';
import { spellerOf } from './suggest';
import { isNfc, withNfc } from './nfc';

export interface AttachedDose extends Dose {
  /** The drug mention the dose belongs to, if any. */
  drug?: Mention;
  /** The attachment strategy that gave it its drug (annotate shows it). */
  attachedBy?: string;
  /** The verdict against the drug's documented ranges or the envelope, when the drug is known. */
  verdict?: DoseVerdict;
  /** The DCI the verdict is about (for a combination brand, the component it was compared with). */
  substance?: string;
}

export interface Analysis {
  prose: Prose;
  mentions: Mention[];
  doses: AttachedDose[];
  findings: Finding[];
}

export function analyze(source: string, lexicon: Lexicon): Analysis {
  if (!isNfc(source)) return withNfc(source, (text) => analyze(text, lexicon));
  const prose = extractProse(source);
  const tokens = tokenize(prose.text, lexicon);
  const allMentions = findMentions(prose.text, tokens, lexicon);
  const drugs = allMentions.filter((m) => m.kind === 'drug');
  const speller = spellerOf(lexicon);
  const inMention = new Uint8Array(source.length);
  for (const m of allMentions) inMention.fill(1, m.start, m.end);
  // Findings, stage 1: the registry's word rules (rules/registry.ts), before attachment, which reads them.
  const findings: Finding[] = runRules('words', { text: prose.text, tokens, covered: (t) => inMention[t.start] === 1, lexicon, speller });
  const sentences = splitSentences(prose);
  const written = findDoses(prose.text);
  const inTables = findTableDoses(prose, written);
  // `written` is in text order already (findDoses sorts it).
  const found = inTables.length ? [...written, ...inTables].sort((a, b) => a.start - b.start) : written;
  const attached = attachDoses(prose, sentences, found, drugs, findings);
  // The doses, in text order, each with its drug (found afresh on each call: set in place).
  const doses: AttachedDose[] = [];
  const dosed = new Set<Mention>();
  for (const dose of found as AttachedDose[]) {
    const attachment = attached.get(dose);
    const drug = attachment?.drug;
    // A percentage is a dose only for a drug documented as a concentration (capsaïcine 8 %).
    if (dose.unit === '%' && !drug?.substances.some((n) => lexicon.substance(n)?.ranges.some((r) => r.unit === '%'))) continue;
    dose.drug = drug;
    if (attachment) dose.attachedBy = attachment.strategy;
    if (drug) dosed.add(drug);
    doses.push(dose);
  }
  // A common word (glycine, oxygène) is a drug with a dose, or, for a gas, where it is a treatment (« sous oxygène »).
  const mentions = allMentions.filter((m) => !m.needsDose || dosed.has(m) || inTreatmentContext(prose.text, m));

  // Findings, stage 2: the registry's dose rules, once each dose has its drug.
  findings.push(...runRules('doses', { doses, lexicon, contextAt: (offset) => contextOf(prose, sentences, offset) }));
  findings.sort((a, b) => a.start - b.start);
  return { prose, mentions, doses, findings };
}
