/**
 * The trial card, in French: phase and status translated, products as the registry writes them, the
 * registry's conditions and title quoted, a link to ClinicalTrials.gov or to the publication; never the
 * data's internal paths.
 *
 *   **RESET-SLE** — essai clinique de phase 1/2, recrutement en cours
 */
import type { Trial } from '../core/index-types';
import { curly } from './typography';

const STATUS: Record<string, string> = {
  RECRUITING: 'recrutement en cours', NOT_YET_RECRUITING: 'recrutement pas encore ouvert', ENROLLING_BY_INVITATION: 'recrutement sur invitation',
  ACTIVE_NOT_RECRUITING: 'en cours, recrutement terminé', COMPLETED: 'terminé', TERMINATED: 'arrêté avant son terme',
  SUSPENDED: 'suspendu', WITHDRAWN: 'retiré avant inclusion', UNKNOWN: 'statut inconnu',
};

/** « PHASE1|PHASE2 » → « phase 1/2 », « EARLY_PHASE1 » → « phase 1 précoce », « NA » → nothing. */
export function frenchPhase(phase?: string): string | undefined {
  if (!phase || phase === 'NA') return undefined;
  if (phase === 'EARLY_PHASE1') return 'phase 1 précoce';
  return `phase ${phase.split('|').map((p) => p.replace(/\D/g, '')).join('/')}`;
}

export function frenchStatus(status?: string): string | undefined {
  return status ? STATUS[status] ?? status.toLowerCase().replace(/_/g, ' ') : undefined;
}

const quote = (s: string) => `« ${s} »`;

export function trialCard(t: Trial): string {
  const phase = frenchPhase(t.phase), status = frenchStatus(t.status);
  const head = `**${t.name}** — essai clinique${phase ? ` de ${phase}` : ''}${status ? `, ${status}` : ''}`;
  const lines = [head];
  if (t.products.length) lines.push(`Produits : ${t.products.join(', ')}`);
  if (t.conditions.length) lines.push(`Pathologies (ClinicalTrials.gov) : ${t.conditions.slice(0, 4).map(quote).join(', ')}`);
  if (t.title) lines.push(`Titre : ${quote(t.title)}`);
  if (t.nct) lines.push(`[${t.nct} sur ClinicalTrials.gov](https://clinicaltrials.gov/study/${t.nct})`);
  else lines.push('_Identifiant NCT non renseigné._');
  // A registry row is the NCT link above; a publication is cited. Paths of the data are never shown.
  if (t.source.type !== 'ctgov-row' && !/^data\//.test(t.source.title)) lines.push(`Source : [${curly(t.source.title)}](${t.source.url})`);
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}  ` : l)).join('\n');
}
