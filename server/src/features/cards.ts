/**
 * French cards (Markdown) for a drug, a brand, a trial, a class and a dose, read in two seconds: the verdict
 * or the summary first, then the details; nothing said twice. Shared by hover, completion, the look-up
 * command and `medlint data show`.
 *
 *   **prégabaline** — DCI · ATC N02BF02 · marque : LYRICA
 *   **Posologie adulte** : 150–600 mg/j (orale)
 */
import type { Brand, DoseRange, DrugClassEntry, Substance, WorldStatus } from '../core/index-types';
import type { Lexicon, NameEntry } from '../core/lexicon';
import type { AttachedDose } from '../core/analyze';
import { RANGE_BASIS_LABEL } from '../core/dose/basis';
import { amount, curly, elide, frenchDate } from './typography';
import { judgeForReader, uniqueSources, type SourceLink } from './dose-verdict';
import { trialCard } from './trial-card';

export { trialCard };

/** Lines to Markdown: consecutive text lines keep their line breaks (hard breaks), lists and blank lines stay. */
export function toMarkdown(lines: string[]): string {
  return lines.map((l, i) => {
    const next = lines[i + 1];
    return next !== undefined && l !== '' && next !== '' && !next.startsWith('- ') && !l.startsWith('- ') ? `${l}  ` : l;
  }).join('\n');
}

export const BDPM_PAGE = (cis: string) => `https://base-donnees-publique.medicaments.gouv.fr/extrait.php?specid=${cis}`;
const links = (sources: SourceLink[]) => sources.map((s) => `[${s.title}](${s.url})`).join(' ; ');
const weightOf = (r: DoseRange) => (r.perWeight ? `/${r.perWeight === 'm2' ? 'm²' : 'kg'}` : '');

/** One documented value: « 150–600 mg/j », « 2 mg par injection au maximum », « 8 mg/j (initiation) ». */
function rangeValue(r: DoseRange): string {
  const a = amount(r.maxOnly ? r.max : r.min, r.max, r.unit + weightOf(r), RANGE_BASIS_LABEL[r.per]);
  return `${a}${r.maxOnly ? ' au maximum' : ''}${r.phase ? ` (${r.phase})` : ''}${r.interval ? `, ${curly(r.interval)}` : ''}`;
}

interface RangeGroup { route: string; ranges: DoseRange[]; summary: string }

/** The ranges grouped by route, basis, unit and weight, each group summed up as one span. */
function groupRanges(ranges: DoseRange[]): RangeGroup[] {
  const groups = new Map<string, DoseRange[]>();
  for (const r of ranges) {
    const key = [r.route, r.per, r.unit, r.perWeight ?? ''].join('|');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const r0 = rs[0];
    const lows = rs.filter((r) => !r.maxOnly).map((r) => r.min);
    const hi = Math.max(...rs.map((r) => r.max));
    const a = lows.length ? amount(Math.min(...lows), hi, r0.unit + weightOf(r0), RANGE_BASIS_LABEL[r0.per]) : `${amount(hi, hi, r0.unit + weightOf(r0), RANGE_BASIS_LABEL[r0.per])} au maximum`;
    return { route: r0.route, ranges: rs, summary: a };
  });
}

/** « 150–600 mg/j (orale) ; 1 000 mg par perfusion, 1 000–4 000 mg/j (intraveineuse) ». */
function summaryLine(groups: RangeGroup[]): string {
  const byRoute = new Map<string, string[]>();
  for (const g of groups) byRoute.set(g.route, [...(byRoute.get(g.route) ?? []), g.summary]);
  return [...byRoute].map(([route, spans]) => `${spans.join(', ')} (${route})`).join(' ; ');
}

/** The details: a value per indication only where a group's values differ; the other indications once. */
function detailLines(groups: RangeGroup[]): string[] {
  const out: string[] = [];
  const told = new Set<string>();
  for (const g of groups) {
    const values = new Map<string, string[]>();
    for (const r of g.ranges) values.set(rangeValue(r), [...(values.get(rangeValue(r)) ?? []), curly(r.context)]);
    if (values.size === 1 && !g.ranges.some((r) => r.phase || r.interval)) continue;
    for (const [value, ctx] of values) {
      ctx.forEach((c) => told.add(c));
      out.push(`- ${value} (${g.route}) : ${[...new Set(ctx)].join(' ; ')}`);
    }
  }
  const others = [...new Set(groups.flatMap((g) => g.ranges.map((r) => curly(r.context))))].filter((c) => !told.has(c));
  return others.length ? [`Indication${others.length > 1 ? 's' : ''} : ${others.join(' ; ')}`, ...out] : out;
}

/** « 150–600 mg/j (orale) »: a substance's ranges in one line, or undefined. */
export function posologySummary(s: Substance): string | undefined {
  return s.ranges.length ? summaryLine(groupRanges(s.ranges)) : undefined;
}

/** The posology block of a substance: the summary line, then the details and the sources, each once. */
export function posologyLines(s: Substance, withDetails = true): string[] {
  if (!s.ranges.length) return ['_Aucune posologie documentée dans la base MedLint._'];
  const groups = groupRanges(s.ranges);
  const lines = [`**Posologie adulte** : ${summaryLine(groups)}`];
  if (withDetails) lines.push(...detailLines(groups));
  lines.push(`Source${uniqueSources(s.ranges).length > 1 ? 's' : ''} : ${links(uniqueSources(s.ranges))}`);
  return lines;
}

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
    case 'no-longer-marketed': return `Statut : plus commercialisé (${w.detail}) — ${link}`;
  }
}

export function substanceCard(s: Substance, lexicon: Lexicon): string {
  const head = [`**${s.dci}** — DCI`];
  if (s.atc?.length) head.push(`ATC ${s.atc.join(', ')}`);
  if (s.brands.length) head.push(`marque${s.brands.length > 1 ? 's' : ''} : ${s.brands.slice(0, 6).join(', ')}${s.brands.length > 6 ? '…' : ''}`);
  const lines = [head.join(' · '), ...posologyLines(s)];
  if (s.drugClass) lines.push(`Classe : ${curly(s.drugClass)}`);
  if (s.world) lines.push(worldLine(s.world));
  else if (s.status) lines.push(`Statut : ${curly(s.status)}`);
  if (s.description) lines.push(curly(s.description));
  const brand = s.brands.map((b) => lexicon.brand(b)).find((b) => b && b.conditions.length);
  if (brand) lines.push(`Conditions de prescription (${brand.name}) : ${curly(brand.conditions.join(' ; '))}`);
  if (s.cis.length) lines.push(`[Fiche BDPM (ANSM)](${BDPM_PAGE(s.cis[0])})`);
  else if (s.source) lines.push(`Fiche : [${curly(s.source.title)}](${s.source.url})`);
  if (s.origin === 'project') lines.push(PROJECT_LINE);
  lines.push('', `_Données : BDPM de l’ANSM du ${frenchDate(lexicon.meta.bdpmDate)}._`);
  return toMarkdown(lines);
}

export function brandCard(b: Brand, lexicon: Lexicon): string {
  const what = b.substances.length ? elide('de', b.substances.join(' + ')) : '';
  const lines = [`**${b.name}** — marque ${what}`.trimEnd()];
  const form = [b.forms.slice(0, 4).join(', '), b.routes.length ? `voie${b.routes.length > 1 ? 's' : ''} ${b.routes.join(', ')}` : ''].filter(Boolean);
  if (form.length) lines.push(form.join(' ; '));
  if (b.world) lines.push(worldLine(b.world));
  for (const d of b.substances) {
    const s = lexicon.substance(d);
    if (s?.ranges.length) lines.push(...posologyLines(s, false).map((l, i) => (i === 0 && b.substances.length > 1 ? l.replace('**Posologie adulte**', `**Posologie adulte (${d})**`) : l)));
  }
  if (b.conditions.length) lines.push(`Conditions de prescription : ${curly(b.conditions.join(' ; '))}`);
  if (b.cis.length) lines.push(`[Fiche BDPM (ANSM), CIS ${b.cis[0]}](${BDPM_PAGE(b.cis[0])})`);
  else if (b.source) lines.push(`Fiche : [${curly(b.source.title)}](${b.source.url})`);
  if (b.origin === 'project') lines.push(PROJECT_LINE);
  return toMarkdown(lines);
}

export function classCard(c: DrugClassEntry, lexicon: Lexicon): string {
  const lines = [`**${c.name}** — classe thérapeutique${c.atc?.length ? ` (ATC ${c.atc.join(', ')})` : ''}`];
  const shown = c.members.slice(0, 12).map((d) => (lexicon.substance(d)?.ranges.length ? `${d} ✓` : d));
  lines.push(`Substances de la base (${c.members.length}) : ${shown.join(', ')}${c.members.length > shown.length ? '…' : ''}`);
  if (shown.some((s) => s.endsWith('✓'))) lines.push('_✓ : posologie documentée_');
  lines.push('', `_Source : ${curly(c.source.title.replace(/\.$/, ''))}._`);
  return toMarkdown(lines);
}

/** The card of any name of the lexicon (what hover and `medlint data show` print). */
export function entryCard(e: NameEntry, lexicon: Lexicon, written = e.name): string {
  if (e.kind === 'trial') return trialCard(e.trial!);
  if (e.kind === 'class') return classCard(e.drugClass!, lexicon);
  if (e.kind === 'brand') return brandCard(e.brand!, lexicon);
  if (e.ambiguous) return `**${written}** — abréviation ambiguë : ${e.ambiguous.map((s) => s.dci).join(' ou ')}. Écrivez la DCI en toutes lettres.`;
  // The lexicon's own record: with a project's ranges added to it, if any.
  return substanceCard(lexicon.substance(e.substance!.dci) ?? e.substance!, lexicon);
}

/** A drug or brand of the project's `.medlint.json` `data`, not of the data MedLint ships. */
const PROJECT_LINE = '_Ajout du projet (.medlint.json)._';

/** The dose card: the verdict first, then the reading, the drug, the indications and the sources. */
export function doseCard(d: AttachedDose, lexicon: Lexicon): string {
  const j = judgeForReader(d, lexicon);
  const lines = [`**${j.headline}**`];
  const reading = j.normalised && !j.headline.includes(`: ${j.normalised}`) && !sameText(d.text, j.normalised) ? `${d.text} = ${j.normalised}` : '';
  const drug = d.drug && (d.substance && d.drug.substances.length > 1 ? `${d.substance} (${d.drug.text})` : d.drug.label);
  const about = [drug ? `${drug}${d.route ? `, ${d.route}` : ''}` : '', reading].filter(Boolean).join(' · ');
  if (about) lines.push(about);
  if (j.contexts.length) lines.push(`Indication${j.contexts.length > 1 ? 's' : ''} : ${j.contexts.slice(0, 4).join(' ; ')}${j.contexts.length > 4 ? '…' : ''}`);
  if (j.sources.length) lines.push(`Source${j.sources.length > 1 ? 's' : ''} : ${links(j.sources.slice(0, 3))}`);
  return toMarkdown(lines);
}

/** « 1200 mg/j » and « 1 200 mg/j » say the same: no « = » between them. */
function sameText(written: string, normalised: string): boolean {
  const squash = (s: string) => s.replace(/[\s\u202F\u00A0]/g, '').replace('.', ',');
  return squash(written) === squash(normalised);
}
