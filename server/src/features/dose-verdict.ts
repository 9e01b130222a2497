/**
 * The analysis's verdict on a dose, told to a writer: one headline, the normalised reading, the documented
 * span, the indications and the sources behind it. Shared by the dose card and the fact-check report.
 *
 *   « 75 mg deux fois par jour » (prégabaline) → ✓ dans la fourchette documentée (150–600 mg/j)
 *   « 1200 mg/j »                              → ⚠ au-dessus du maximum documenté (150–600 mg/j) : 1 200 mg/j, 2 fois le maximum
 */
import type { AttachedDose } from '../core/analyze';
import type { DoseRange, RangeBasis } from '../core/index-types';
import type { Lexicon } from '../core/lexicon';
import { rangesForRoute, type Comparison } from '../core/dose/compare';
import { RANGE_BASIS_LABEL, SAME_BASIS } from '../core/dose/basis';
import { convert } from '../core/dose/units';
import { amount, curly, num } from './typography';

export type VerdictKind = 'in-range' | 'above' | 'below' | 'rhythm' | 'unit' | 'implausible' | 'undocumented' | 'unknown';

export interface SourceLink { title: string; url: string }

export interface DoseJudgement {
  kind: VerdictKind;
  /** What a writer reads first: « ✓ dans la fourchette documentée (150–600 mg/j) ». */
  headline: string;
  /** The dose in the basis it was compared in (« 150 mg/j »), when that differs from what is written. */
  normalised?: string;
  /** The documented span compared with (« 150–600 mg/j »). */
  documented?: string;
  /** Indications of the ranges behind the verdict, each once. */
  contexts: string[];
  sources: SourceLink[];
}

const weightOf = (w?: 'kg' | 'm2') => (w ? `/${w === 'm2' ? 'm²' : 'kg'}` : '');

/** A range's source as one link: the RCP named with its CIS, pointing at the BDPM page when there is one. */
export function sourceLink(r: DoseRange): SourceLink {
  const s = r.source;
  const title = s.type === 'rcp' ? `RCP ${s.title}${s.cis ? ` (CIS ${s.cis})` : ''}, rubrique ${s.section ?? '4.2'}` : s.title;
  return { title: curly(title), url: s.bdpmUrl ?? s.url };
}

/** Each document once, in the order met. */
export function uniqueSources(ranges: DoseRange[]): SourceLink[] {
  const seen = new Map<string, SourceLink>();
  for (const r of ranges) {
    const link = sourceLink(r);
    if (!seen.has(link.title + link.url)) seen.set(link.title + link.url, link);
  }
  return [...seen.values()];
}

/** The ranges a comparison stands on: the deciding one, else those of the reading's basis and unit. */
function rangesBehind(dose: AttachedDose, all: DoseRange[], c: Comparison): DoseRange[] {
  if (c.range) return [c.range];
  const reading = c.reading;
  if (!reading) return [];
  const bases: RangeBasis[] = SAME_BASIS[reading.basis as keyof typeof SAME_BASIS] ?? [reading.basis];
  const span = c.span;
  // Within the span compared: the ranges of the indication the analysis chose, not every indication's.
  const inSpan = (r: DoseRange) => !span || (convert(r.max, r.unit, reading.unit)! <= span.max * (1 + 1e-9)
    && (!!r.maxOnly || convert(r.min, r.unit, reading.unit)! >= span.min * (1 - 1e-9)));
  return rangesForRoute(dose, all).filter((r) => bases.includes(r.per) && convert(1, r.unit, reading.unit) !== null
    && (reading.throughEnvelope || (r.perWeight ?? null) === (dose.perWeight ?? null)) && inSpan(r));
}

/** The documented span (« 150–600 mg/j »); a cap with no minimum as a cap (« max 2 mg par prise », never « 0–2 mg »). */
function spanText(c: Comparison): string | undefined {
  if (!c.span || !c.reading) return undefined;
  const unit = c.reading.unit + (c.reading.throughEnvelope ? '' : weightOf(c.reading.perWeight ?? undefined));
  if (c.span.min <= 0) return `max ${amount(c.span.max, c.span.max, unit, RANGE_BASIS_LABEL[c.reading.basis])}`;
  return amount(c.span.min, c.span.max, unit, RANGE_BASIS_LABEL[c.reading.basis]);
}

function readingText(c: Comparison, dose: AttachedDose): string | undefined {
  const r = c.reading;
  if (!r || r.atLeast || r.weak || r.throughEnvelope || c.verdict === 'unit-mismatch') return undefined;
  return amount(r.min, r.max, r.unit + weightOf(dose.perWeight), RANGE_BASIS_LABEL[r.basis]);
}

const times = (ratio: number) => `${num(Math.round(ratio * 10) / 10)} fois`;

export function judgeForReader(dose: AttachedDose, lexicon: Lexicon): DoseJudgement {
  if (!dose.drug) return { kind: 'unknown', headline: '? aucun médicament rattaché à cette dose', contexts: [], sources: [] };
  if (dose.components) return { kind: 'undocumented', headline: '– association à doses fixes : chaque composant est comparé à sa fourchette (voir les problèmes)', contexts: [], sources: [] };
  if (!dose.verdict) return { kind: 'unknown', headline: `? ${dose.drug.text} : médicament sans fiche dans la base`, contexts: [], sources: [] };
  // The substance the verdict is about: for a combination brand, the component it was compared with, or none.
  const substance = dose.substance ? lexicon.substance(dose.substance) : undefined;
  const c = dose.verdict.comparison;
  const behind = substance ? rangesBehind(dose, substance.ranges, c) : [];
  const base = {
    normalised: readingText(c, dose), documented: spanText(c),
    contexts: [...new Set(behind.map((r) => curly(r.context)))], sources: uniqueSources(behind),
  };
  const span = base.documented ? ` (${base.documented})` : '';
  switch (c.verdict) {
    case 'in-range': return { kind: 'in-range', headline: `✓ dans la fourchette documentée${span}`, ...base };
    case 'above': return { kind: 'above', headline: `⚠ au-dessus du maximum documenté${span}${base.normalised ? ` : ${base.normalised}` : ''}${c.ratio && c.ratio >= 1.5 ? `, ${times(c.ratio)} le maximum` : ''}`, ...base };
    case 'below': return { kind: 'below', headline: `↓ en dessous de la plus basse dose documentée${span}${base.normalised ? ` : ${base.normalised}` : ''}`, ...base };
    case 'rhythm': return { kind: 'rhythm', headline: `⚠ rythme : ce médicament se donne une fois par ${c.reading?.basis === 'month' ? 'mois' : 'semaine'}${span}`, ...base };
    case 'unit-mismatch': return { kind: 'unit', headline: `⚠ unité douteuse : en ${c.unit}, la dose serait dans la fourchette documentée${span}`, ...base };
    default: break;
  }
  const i = dose.verdict.implausible;
  if (i) {
    const s = i.strength;
    return { kind: 'implausible', headline: `⚠ invraisemblable : aucune présentation commercialisée ne dépasse ${amount(s.amount, s.amount, s.unit)} par ${s.per === 'hour' ? 'heure' : s.form} (${s.name})`, ...base };
  }
  return { kind: 'undocumented', headline: `– non documenté : ${curly(c.reason ?? 'aucune posologie documentée')}`, ...base };
}
