/**
 * The analysis of one document: Markdown → prose → mentions, doses (attached
 * to their drug) and findings. Pure: text and lexicon in, plain data out.
 */
import { extractProse, type Prose } from './prose';
import { findMentions, tokenize, type Mention } from './mentions';
import { findDoses, type Dose } from './doses';
import { findTableDoses } from './dose/tables';
import { attachDoses, splitSentences, contextOf } from './attach';
import { findUnknownDrugs, type Finding } from './checks';
import { checkCombination, doseFinding, judgeDose, type DoseVerdict } from './rules/dose';
import type { Lexicon } from './lexicon';
import { Speller } from './suggest';
import { isNfc, withNfc } from './nfc';

export interface AttachedDose extends Dose {
  /** The drug mention the dose belongs to, if any. */
  drug?: Mention;
  /** The attachment strategy that gave it its drug (annotate shows it). */
  attachedBy?: string;
  /** The verdict against the drug's documented ranges or the envelope, when the drug is known. */
  verdict?: DoseVerdict;
}

export interface Analysis {
  prose: Prose;
  mentions: Mention[];
  doses: AttachedDose[];
  findings: Finding[];
}

const spellers = new WeakMap<Lexicon, Speller>();

export function analyze(source: string, lexicon: Lexicon): Analysis {
  if (!isNfc(source)) return withNfc(source, (text) => analyze(text, lexicon));
  const prose = extractProse(source);
  const tokens = tokenize(prose.text, lexicon);
  const allMentions = findMentions(prose.text, tokens, lexicon);
  const drugs = allMentions.filter((m) => m.kind === 'drug');
  let speller = spellers.get(lexicon);
  if (!speller) spellers.set(lexicon, (speller = new Speller(lexicon)));
  const inMention = new Uint8Array(source.length);
  for (const m of allMentions) inMention.fill(1, m.start, m.end);
  const findings: Finding[] = findUnknownDrugs(prose.text, tokens, (t) => inMention[t.start] === 1, lexicon, speller);
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
    if (dose.unit === '%' && !(drug && lexicon.substance(drug.id)?.ranges.some((r) => r.unit === '%'))) continue;
    dose.drug = drug;
    if (attachment) dose.attachedBy = attachment.strategy;
    if (drug) dosed.add(drug);
    doses.push(dose);
  }
  const mentions = allMentions.filter((m) => !m.needsDose || dosed.has(m));

  for (const d of doses) {
    if (d.components) {
      findings.push(...checkCombination(d, lexicon, contextOf(prose, sentences, d.start)));
      continue;
    }
    const substance = d.drug && lexicon.substance(d.drug.id);
    if (!substance) continue;
    d.verdict = judgeDose(d, substance, contextOf(prose, sentences, d.start));
    const f = doseFinding(d, substance.dci, d.verdict, substance.ranges.some((r) => r.phase === 'initiation'));
    if (f) findings.push(f);
  }
  findings.sort((a, b) => a.start - b.start);
  return { prose, mentions, doses, findings };
}
