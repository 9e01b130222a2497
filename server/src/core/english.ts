/**
 * The english-name check: a drug written by its English or North-American name (« dalteparin »,
 * « acetaminophen », « glyburide ») is the drug, with an information note giving the French DCI and a quick
 * fix: « acetaminophen » → « le nom français (DCI) est paracétamol ». Which names are English is data (the
 * substances' `english` list, each from a source): nothing is guessed here.
 */
import type { Finding } from './checks';
import { matchCase } from './checks';
import type { Mention } from './mentions';
import { foldKey } from './normalize';

/** One note per drug mention written by an English name of its substance. */
export function findEnglishNames(text: string, mentions: Mention[]): Finding[] {
  const findings: Finding[] = [];
  for (const m of mentions) {
    if (m.kind !== 'drug' || m.entry.kind !== 'substance') continue;
    const substance = m.entry.substance;
    const key = m.entry.key;
    if (!substance?.english?.some((e) => foldKey(e) === key)) continue;
    // The name without a ® written after it.
    const end = m.start + text.slice(m.start, m.end).replace(/[ \u00A0]?[®™]$/, '').length;
    const written = text.slice(m.start, end);
    const dci = substance.dci;
    findings.push({
      code: 'english-name', start: m.start, end, severity: 'information',
      message: `« ${written} » est un nom anglais ou américain : le nom français (DCI) est ${dci}.`,
      suggestions: [dci],
      fixes: [{ title: `Remplacer par « ${dci} »`, edit: { start: m.start, end, newText: matchCase(dci, written) } }],
    });
  }
  return findings;
}
