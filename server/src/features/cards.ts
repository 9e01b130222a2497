/** French cards (Markdown) for a drug, a brand, a trial and a dose: shared by hover, completion and `medlint data show`. */
import type { Brand, DrugClassEntry, Substance, Trial, WorldStatus } from '../core/index-types';
import type { Lexicon, NameEntry } from '../core/lexicon';
import type { AttachedDose } from '../core/analyze';
import { describeRange, describeSource } from '../core/checks';
import { formatAmount } from '../core/doses';

/** Lines to Markdown: consecutive text lines keep their line breaks (hard breaks), lists and blank lines stay. */
function toMarkdown(lines: string[]): string {
  return lines.map((l, i) => {
    const next = lines[i + 1];
    return next !== undefined && l !== '' && next !== '' && !next.startsWith('- ') && !l.startsWith('- ') ? `${l}  ` : l;
  }).join('\n');
}

const BDPM_PAGE = (cis: string) => `https://base-donnees-publique.medicaments.gouv.fr/extrait.php?specid=${cis}`;

/**
 * The status of a drug not sold in France: « autorisé dans l'UE (EMA, 2020-12-09), non commercialisé en France »,
 * « retiré », « refusé », or a curated status with its source.
 */
export function worldLine(w: WorldStatus): string {
  const link = w.product ? `[EPAR ${w.product}](${w.url})` : `source : [${w.source}](${w.url})`;
  const date = w.date ? `, ${w.date}` : '';
  switch (w.status) {
    case 'authorised': return `Statut : autorisé dans l'UE (EMA${date}), non commercialisé en France — ${link}`;
    case 'withdrawn': return `Statut : retiré — autorisation de l'UE retirée (EMA, autorisé le ${w.date ?? '?'}) — ${link}`;
    case 'refused': return `Statut : refusé par l'EMA, non commercialisé en France — ${link}`;
    case 'not-marketed': return `Statut : non commercialisé en France (${w.detail}) — ${link}`;
    case 'in-development': return `Statut : en développement (${w.detail}) — ${link}`;
  }
}

export function substanceCard(s: Substance, lexicon: Lexicon): string {
  const lines = [`**${s.dci}** — DCI`];
  if (s.drugClass) lines.push(`Classe : ${s.drugClass}`);
  if (s.atc?.length) lines.push(`ATC : ${s.atc.join(', ')}`);
  if (s.world) lines.push(worldLine(s.world));
  else if (s.status) lines.push(`Statut : ${s.status}`);
  if (s.description) lines.push(s.description);
  if (s.brands.length) lines.push(`Marques : ${s.brands.slice(0, 8).join(', ')}${s.brands.length > 8 ? '…' : ''}`);
  const brand = s.brands.map((b) => lexicon.brand(b)).find((b) => b && b.conditions.length);
  if (brand) lines.push(`Conditions de prescription (${brand.name}) : ${brand.conditions.join(' ; ')}`);
  if (s.ranges.length) {
    lines.push('', 'Posologies adultes documentées :');
    for (const r of s.ranges) {
      const link = r.source.bdpmUrl ?? r.source.url;
      lines.push(`- ${describeRange(r)} (${r.route}) — source : [${describeSource(r)}](${link})`);
    }
  } else lines.push('', '_Aucune posologie documentée dans la base MedLint._');
  if (s.cis.length) lines.push('', `[Fiche BDPM (ANSM)](${BDPM_PAGE(s.cis[0])})`);
  else if (s.source) lines.push('', `Source : [${s.source.title}](${s.source.url})`);
  lines.push('', `_Données : BDPM ANSM (AMM la plus récente : ${lexicon.meta.bdpmDate})._`);
  return toMarkdown(lines);
}

export function brandCard(b: Brand, lexicon: Lexicon): string {
  const lines = [`**${b.name}** — marque de ${b.substances.join(' + ')}`];
  if (b.world) lines.push(worldLine(b.world));
  if (b.forms.length) lines.push(`Formes : ${b.forms.slice(0, 4).join(', ')}`);
  if (b.routes.length) lines.push(`Voies : ${b.routes.join(', ')}`);
  if (b.conditions.length) lines.push(`Conditions de prescription : ${b.conditions.join(' ; ')}`);
  if (b.cis.length) lines.push(`[Fiche BDPM (ANSM), CIS ${b.cis[0]}](${BDPM_PAGE(b.cis[0])})`);
  else if (b.source) lines.push(`Source : [${b.source.title}](${b.source.url})`);
  for (const d of b.substances) {
    const s = lexicon.substance(d);
    if (s) lines.push('', '---', '', substanceCard(s, lexicon));
  }
  return toMarkdown(lines);
}

export function trialCard(t: Trial): string {
  const lines = [`**${t.name}** — essai clinique`];
  if (t.nct) lines.push(`[${t.nct}](https://clinicaltrials.gov/study/${t.nct}) (ClinicalTrials.gov)`);
  else lines.push('_Identifiant NCT non vérifié : non renseigné._');
  if (t.phase) lines.push(`Phase : ${t.phase.replace(/PHASE/g, '').replace('|', '/')}`);
  if (t.status) lines.push(`Statut : ${t.status}`);
  if (t.products.length) lines.push(`Produits : ${t.products.join(', ')}`);
  if (t.conditions.length) lines.push(`Pathologies : ${t.conditions.slice(0, 4).join(', ')}`);
  if (t.title) lines.push(`Titre : ${t.title}`);
  lines.push(`Source : ${t.source.title}`);
  return toMarkdown(lines);
}

export function classCard(c: DrugClassEntry, lexicon: Lexicon): string {
  const lines = [`**${c.name}** — classe thérapeutique`];
  if (c.atc?.length) lines.push(`ATC : ${c.atc.join(', ')}`);
  const withRanges = c.members.filter((d) => lexicon.substance(d)?.ranges.length);
  const shown = c.members.slice(0, 12);
  lines.push(`Substances de la base (${c.members.length}) : ${shown.join(', ')}${c.members.length > shown.length ? '…' : ''}`);
  if (withRanges.length) lines.push(`Avec posologies documentées : ${withRanges.slice(0, 12).join(', ')}${withRanges.length > 12 ? '…' : ''}`);
  lines.push('', `_Source : ${c.source.title}._`);
  return toMarkdown(lines);
}

/** The card of any name of the lexicon (what hover and `medlint data show` print). */
export function entryCard(e: NameEntry, lexicon: Lexicon, written = e.name): string {
  if (e.kind === 'trial') return trialCard(e.trial!);
  if (e.kind === 'class') return classCard(e.drugClass!, lexicon);
  if (e.kind === 'brand') return brandCard(e.brand!, lexicon);
  if (e.ambiguous) return `**${written}** — abréviation ambiguë : ${e.ambiguous.map((s) => s.dci).join(' ou ')}. Écrivez la DCI en toutes lettres.`;
  return substanceCard(e.substance!, lexicon);
}

const PER_FR: Record<string, string> = {
  day: 'par jour', intake: 'par prise', step: 'par palier (titration)', week: 'par semaine', month: 'par mois',
  hour: 'par heure', minute: 'par minute', infusion: 'par perfusion', cycle: 'par cure (total sur plusieurs jours)', patch_concentration: 'concentration du patch',
};

export function doseCard(d: AttachedDose, lexicon: Lexicon, finding?: string): string {
  const weight = d.perWeight ? `/${d.perWeight === 'm2' ? 'm²' : 'kg'}` : '';
  const lines = [`**Dose** : ${formatAmount(d.min, d.max, d.unit, weight)} ${PER_FR[d.per] ?? ''}`];
  if (d.timesPerDay) {
    const times = d.timesPerDay.min === d.timesPerDay.max ? `${d.timesPerDay.min}` : `${d.timesPerDay.min} à ${d.timesPerDay.max}`;
    lines.push(`${d.text} = ${times} prise(s) par jour${d.daily ? ` = ${formatAmount(d.daily.min, d.daily.max, d.unit, weight + '/j')}` : ''}`);
  }
  if (d.interval) lines.push(`Intervalle : tous les ${d.interval.min === d.interval.max ? d.interval.min : `${d.interval.min} à ${d.interval.max}`} ${d.interval.unit}(s)`);
  if (d.drug) {
    lines.push(`Médicament : ${d.drug.id}`);
    const s = lexicon.substance(d.drug.id);
    if (finding) lines.push('', `⚠ ${finding}`);
    else if (s?.ranges.length) lines.push('', 'Fourchettes documentées :', ...s.ranges.map((r) => `- ${describeRange(r)} — ${describeSource(r)}`));
  } else lines.push('_Aucun médicament rattaché à cette dose._');
  return toMarkdown(lines);
}
