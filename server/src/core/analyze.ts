/**
 * The analysis of one document: Markdown → prose → mentions, doses (attached
 * to their drug) and findings. Pure: text and lexicon in, plain data out.
 */
import { extractProse, type Prose } from './prose';
import { findMentions, tokenize, type Mention } from './mentions';
import { findDoses, type Dose } from './doses';
import { attachDoses, splitSentences } from './attach';
import { checkDose, findUnknownDrugs, type Finding } from './checks';
import type { Lexicon } from './lexicon';
import { Speller } from './suggest';
import { isNfc, withNfc } from './nfc';

export interface AttachedDose extends Dose {
  /** The drug mention the dose belongs to, if any. */
  drug?: Mention;
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
  const found = findDoses(prose.text);
  const attached = attachDoses(prose, sentences, found, drugs, findings);
  // The doses, in text order, each with its drug (found afresh on each call: set in place).
  const doses: AttachedDose[] = [];
  const dosed = new Set<Mention>();
  for (const dose of found as AttachedDose[]) {
    const drug = attached.get(dose);
    // A percentage is a dose only for a drug documented as a concentration (capsaïcine 8 %).
    if (dose.unit === '%' && !(drug && lexicon.substance(drug.id)?.ranges.some((r) => r.unit === '%'))) continue;
    dose.drug = drug;
    if (drug) dosed.add(drug);
    doses.push(dose);
  }
  const mentions = allMentions.filter((m) => !m.needsDose || dosed.has(m));

  for (const d of doses) {
    if (!d.drug) continue;
    const f = checkDose(d, d.drug, lexicon);
    if (f) findings.push(f);
  }
  findings.sort((a, b) => a.start - b.start);
  return { prose, mentions, doses, findings };
}
