/**
 * The report's own words in French (the default) and English, chosen by the LSP `locale` or the CLI's
 * `--locale`. Drug names, indications and RCP citations stay in French: they are the data.
 *
 *   REPORT_TEXT.fr.title → « Rapport de vérification »   REPORT_TEXT.en.title → « Fact-check report »
 */
import type { VerdictKind } from './dose-verdict';

/** A dose's verdict, or « documenté » for a drug or trial the data knows. */
export type ReportVerdict = VerdictKind | 'documented';

export interface ReportText {
  title: string;
  columns: [string, string, string, string, string, string, string];
  kinds: Record<'drug' | 'dose' | 'trial', [one: string, many: string]>;
  verdicts: Record<ReportVerdict, string>;
  data: (date: string) => string;
  toCheck: string;
  see: string;
}

const FR: ReportText = {
  title: 'Rapport de vérification',
  columns: ['Position', 'Type', 'Texte', 'Lecture', 'Fourchette documentée', 'Verdict', 'Source'],
  kinds: { drug: ['médicament', 'médicaments'], dose: ['dose', 'doses'], trial: ['essai', 'essais'] },
  verdicts: {
    'in-range': 'dans la fourchette', above: 'au-dessus', below: 'en dessous', rhythm: 'rythme', unit: 'unité douteuse',
    implausible: 'invraisemblable', undocumented: 'non documenté', unknown: 'inconnu', documented: 'documenté',
  },
  data: (date) => `Données : BDPM de l’ANSM du ${date}.`,
  toCheck: 'À vérifier',
  see: 'voir',
};

const EN: ReportText = {
  title: 'Fact-check report',
  columns: ['Position', 'Kind', 'Text', 'Reading', 'Documented range', 'Verdict', 'Source'],
  kinds: { drug: ['drug', 'drugs'], dose: ['dose', 'doses'], trial: ['trial', 'trials'] },
  verdicts: {
    'in-range': 'in range', above: 'above', below: 'below', rhythm: 'rhythm', unit: 'doubtful unit',
    implausible: 'implausible', undocumented: 'not documented', unknown: 'unknown', documented: 'documented',
  },
  data: (date) => `Data: ANSM’s BDPM of ${date}.`,
  toCheck: 'To check',
  see: 'see',
};

/** French unless the locale is English (« en », « en-GB »…). */
export function reportText(locale?: string): ReportText {
  return locale && /^en\b/i.test(locale) ? EN : FR;
}
