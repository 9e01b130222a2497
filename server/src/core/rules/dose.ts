/**
 * The dose rules: a verdict of `compareDose` (or of the plausibility envelope) becomes a finding with its
 * own code and severity, following the noise policy: what is dangerous is an error, what is doubtful a
 * warning, what is merely low a hint.
 *
 *   dose-rhythm        « méthotrexate 15 mg/j » (hebdomadaire)         error, fix « par semaine »
 *   dose-above-max     « prégabaline 1 200 mg/j » (max 600 mg/j)        warning; error from 10 × the maximum
 *   dose-below-min     « prégabaline 50 mg/j » (min 150 mg/j)           hint; warning from 10 × below
 *   dose-unit-mismatch « lévothyroxine 100 mg/j » (25–200 µg/j)         warning, fix « µg »
 *   dose-implausible   « X 9 600 mg/j » (comprimés de 240 mg au plus)   warning
 */
import type { DoseRange, Substance } from '../index-types';
import type { Dose } from '../doses';
import { formatAmount } from '../doses';
import { compareDose, rangesForRoute, type Comparison } from '../dose/compare';
import { checkEnvelope, type Implausible } from '../dose/envelope';
import { mayConcern, rangesForIndication } from '../dose/indication';
import { RANGE_BASIS_LABEL } from '../dose/basis';
import type { Finding } from '../checks';

/** Ten times the maximum, or a tenth of the minimum: a slip of a decimal point. */
export const TENFOLD = 10;

export interface DoseVerdict {
  comparison: Comparison;
  implausible?: Implausible;
}

export function describeRange(r: DoseRange): string {
  const weight = r.perWeight ? `/${r.perWeight === 'm2' ? 'm²' : 'kg'}` : '';
  const amount = r.maxOnly ? `${formatAmount(r.max, r.max, r.unit, weight + (RANGE_BASIS_LABEL[r.per] ?? ''))} au maximum` : formatAmount(r.min, r.max, r.unit, weight + (RANGE_BASIS_LABEL[r.per] ?? ''));
  return `${amount}${r.interval ? ` ${r.interval}` : ''}, ${r.context}`;
}

export function describeSource(r: DoseRange): string {
  const s = r.source;
  if (s.type === 'rcp') return `RCP ${s.title}${s.cis ? `, CIS ${s.cis}` : ''}, rubrique ${s.section ?? '4.2'}`;
  return s.title;
}

/**
 * The verdict on a dose of a substance: the ranges of the indication the text names first, then its
 * route's (an oral intake's by default), then all; the envelope where no range applies.
 */
export function judgeDose(dose: Dose, substance: Substance, context = ''): DoseVerdict {
  const byRoute = rangesForRoute(dose, substance.ranges);
  const widen = !dose.route && byRoute.length < substance.ranges.length;
  // Each set of ranges is made when reached: most doses are decided by the first.
  const tries = [() => rangesForIndication(byRoute, context, substance.dci), () => (widen ? rangesForIndication(substance.ranges, context, substance.dci) : []), () => byRoute, () => (widen ? substance.ranges : [])];
  let comparison: Comparison | undefined;
  let fallback: Comparison | undefined;
  for (const rangesOf of tries) {
    const ranges = rangesOf();
    if (!ranges.length) continue;
    const c = compareDose(dose, ranges);
    if (c.verdict === 'not-comparable') { comparison = c; continue; }
    // A verdict on what is written decides; one on an assumption (a single intake read as a day's dose)
    // waits for a wider set of ranges that might hold the dose.
    // A dose below an oral minimum may well be another route's (inhaled µg): it waits too.
    if (c.verdict === 'in-range' || (!c.reading?.weak && c.verdict !== 'below')) return { comparison: c };
    fallback ??= c;
  }
  if (fallback) return { comparison: belowOfThisIndication(fallback, context, substance.dci) };
  // No range of the route at all: no comparison was tried.
  comparison ??= { verdict: 'not-comparable', reason: dose.route ? `aucune posologie documentée par voie ${dose.route}` : 'aucune posologie documentée' };
  const implausible = checkEnvelope(dose, substance.strengths);
  return implausible ? { comparison, implausible } : { comparison };
}

/**
 * A minimum holds for its own indication only: below the minimum of an indication the text does not name is not
 * comparable (the article may treat another disease at another dose).
 */
function belowOfThisIndication(c: Comparison, context: string, dci: string): Comparison {
  if (c.verdict !== 'below' || !c.range || mayConcern(c.range, context, dci)) return c;
  return { verdict: 'not-comparable', reason: `minimum documenté pour une autre indication (${c.range.context})`, range: c.range, reading: c.reading };
}

const unitLabel = (r: { unit: string; perWeight?: string }) => r.unit + (r.perWeight ? `/${r.perWeight === 'm2' ? 'm²' : 'kg'}` : '');

/** The dose as written, in one line (« 15 mg | par jour » in a table → « 15 mg par jour »; a bare number with its column's unit). */
export function writtenDose(dose: Dose): string {
  const text = dose.text.replace(/\s*\|\s*/g, ' ').replace(/\s+/g, ' ').trim();
  return dose.columnUnit ? `${text} (${dose.columnUnit})` : text;
}

/**
 * The finding for a verdict, if it is worth one. Short message first, then the range and its source. The
 * message is written only for a finding (most doses are in range: nothing to write).
 */
/** Whether a substance documents a starting dose (a lower dose to begin with is then no finding). */
export function hasStartingRange(s: Substance | undefined): boolean {
  return !!s?.ranges.some((r) => r.phase === 'initiation');
}

export function doseFinding(dose: Dose, name: string, verdict: DoseVerdict, hasStartingRange: boolean): Finding | null {
  const c = verdict.comparison;
  switch (c.verdict) {
    case 'rhythm': return rhythmFinding(dose, name, c, citation(c));
    case 'unit-mismatch': return unitFinding(dose, name, c, citation(c));
    case 'above': return aboveFinding(dose, name, c);
    case 'below': return dose.starting && !hasStartingRange ? null : belowFinding(dose, name, c); // a starting, titration, elderly or renal dose
    case 'not-comparable': return verdict.implausible ? implausibleFinding(dose, name, verdict.implausible)
      : { code: 'dose-not-comparable', start: dose.start, end: dose.end, severity: 'hint', message: `${name} : ${writtenDose(dose)} — non comparable : ${c.reason}.` };
    default: return null;
  }
}

/** « — <context> ; <source> » after a message, when the verdict has a range. */
function citation(c: Comparison): string {
  return c.range ? ` — ${c.range.context} ; ${describeSource(c.range)}` : '';
}

/** The dose as written, with the figure it was compared in when that was computed (« 75 mg x 2/j = 150 mg/j »). */
function writtenAsCompared(dose: Dose, c: Comparison): string {
  const reading = c.reading;
  const text = writtenDose(dose);
  return reading?.derived && reading.basis !== 'intake' && !reading.atLeast && !reading.weak
    ? `${text} = ${formatAmount(reading.min, reading.max, unitLabel(reading), RANGE_BASIS_LABEL[reading.basis])}` : text;
}

/** A bound of the verdict's range, in its unit, basis and interval (« 600 mg/j »). */
function bound(range: DoseRange, value: number): string {
  return formatAmount(value, value, unitLabel(range), RANGE_BASIS_LABEL[range.per] + (range.interval ? ` ${range.interval}` : ''));
}

function aboveFinding(dose: Dose, name: string, c: Comparison): Finding {
  const severity = c.ratio! >= TENFOLD ? 'error' : 'warning';
  const how = c.reading?.throughEnvelope ? ` même pour un adulte de ${dose.perWeight ? '40 kg (1,4 m²)' : '150 kg (2,6 m²)'}` : '';
  const times = c.ratio! >= TENFOLD ? ` (${ratioText(c.ratio!)} le maximum)` : '';
  return { code: 'dose-above-max', start: dose.start, end: dose.end, severity, message: `${name} : ${writtenAsCompared(dose, c)} > max ${bound(c.range!, c.range!.max)}${how}${times}${citation(c)}.` };
}

function belowFinding(dose: Dose, name: string, c: Comparison): Finding {
  const severity = c.ratio! >= TENFOLD ? 'warning' : 'hint';
  const times = c.ratio! >= TENFOLD ? ` (${ratioText(c.ratio!)} moins)` : '';
  return { code: 'dose-below-min', start: dose.start, end: dose.end, severity, message: `${name} : ${writtenAsCompared(dose, c)} < min ${bound(c.range!, c.range!.min)}${times}${citation(c)}.` };
}

function unitFinding(dose: Dose, name: string, c: Comparison, cite: string): Finding {
  const unit = c.unit!;
  const fits = `en ${unit}, la dose serait dans la fourchette (${formatAmount(c.span!.min, c.span!.max, c.reading!.unit)})`;
  if (!dose.unitText) {
    return { code: 'dose-unit-mismatch', start: dose.start, end: dose.end, severity: 'warning', suggestions: [unit], message: `${name} : ${writtenDose(dose)} — unité probablement erronée : ${fits}${cite}.` };
  }
  const span = { start: dose.unitStart, end: dose.unitStart + dose.unitText.length };
  return {
    code: 'dose-unit-mismatch', ...span, severity: 'warning', suggestions: [unit],
    message: `${name} : ${writtenDose(dose)} — unité probablement erronée : ${fits}${cite}.`,
    fixes: [{ title: `Remplacer « ${dose.unitText} » par « ${unit} »`, edit: { ...span, newText: unit } }],
  };
}

function ratioText(ratio: number): string {
  return `${ratio >= 100 ? Math.round(ratio) : Math.round(ratio * 10) / 10} fois`.replace('.', ',');
}

function rhythmFinding(dose: Dose, name: string, c: Comparison, cite: string): Finding {
  const reading = c.reading!;
  const period = reading.basis === 'week' ? 'semaine' : reading.basis === 'month' ? 'mois' : undefined;
  const interval = c.range?.interval;
  const fixes = period && dose.basisStart !== undefined && dose.basisText
    ? [{ title: `Remplacer « ${dose.basisText} » par « par ${period} »`, edit: { start: dose.basisStart, end: dose.basisStart + dose.basisText.length, newText: ` par ${period}`.trimStart() } }]
    : [];
  const total = formatAmount(reading.min, reading.max, unitLabel(reading), period ? `/${period === 'semaine' ? 'sem' : 'mois'}` : '');
  const rhythm = period ? `une fois par ${period}` : interval ?? 'à intervalles de plusieurs jours';
  return {
    code: 'dose-rhythm', start: dose.start, end: dose.end, severity: 'error', suggestions: period ? [`par ${period}`] : [], fixes,
    message: `${name} : ${writtenDose(dose)}, soit ${total}${period ? '' : ' par intervalle'} ; se donne ${rhythm} (max ${formatAmount(c.range!.max, c.range!.max, unitLabel(c.range!), RANGE_BASIS_LABEL[c.range!.per])})${cite}.`,
  };
}

function implausibleFinding(dose: Dose, name: string, i: Implausible): Finding {
  const s = i.strength;
  const per = s.per === 'hour' ? `${s.unit}/h par ${s.form}` : `${s.unit} par ${s.form}`;
  const basis = i.basis === 'day' ? '/j' : i.basis === 'hour' ? '/h' : '';
  const count = Math.round(i.units * 10) / 10;
  return {
    code: 'dose-implausible', start: dose.start, end: dose.end, severity: 'warning',
    message: `${name} : ${writtenDose(dose)} — aucune présentation commercialisée ne dépasse ${formatAmount(s.amount, s.amount, per)} (${s.name}, CIS ${s.cis}) : ${formatAmount(i.amount, i.amount, s.unit, basis)} = ${String(count).replace('.', ',')} ${s.per === 'hour' ? 'patchs' : `${s.form}s`}.`,
  };
}

/**
 * A combination strength (« BACTRIM FORTE 800/160 mg deux fois par jour ») attached to a combination brand:
 * each component's amount against its own substance's ranges, in the order that fits best (writers and the
 * BDPM do not always list the components in the same order).
 */
export function checkCombination(dose: AttachedComponents, lexicon: { substance(dci: string): Substance | undefined }, context: string): Finding[] {
  const names = dose.drug?.entry.brand?.substances;
  const parts = dose.components!;
  if (!names || names.length !== parts.length || parts.length !== 2) return [];
  const substances = names.map((n) => lexicon.substance(n));
  if (substances.some((s) => !s)) return [];
  let best: Finding[] | null = null;
  for (const order of [[0, 1], [1, 0]]) {
    const found: Finding[] = [];
    order.forEach((k, i) => {
      const s = substances[k]!;
      const p = parts[i];
      const component: Dose = { ...dose, components: undefined, min: p.amount, max: p.amount, unit: p.unit, daily: dose.timesPerDay ? { min: p.amount * dose.timesPerDay.min, max: p.amount * dose.timesPerDay.max } : null };
      const f = doseFinding(component, s.dci, judgeDose(component, s, context), hasStartingRange(s));
      if (f && f.code !== 'dose-not-comparable' && f.severity !== 'hint') found.push(f);
    });
    if (!best || found.length < best.length) best = found;
  }
  return best ?? [];
}

type AttachedComponents = Dose & { drug?: { entry: { brand?: { substances: string[] } } } };
