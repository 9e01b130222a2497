/**
 * The fact-check report: what a medical editor signs off on before publication. Every drug, dose and
 * trial of the article in reading order, with the normalised dose, the documented span and its source,
 * and a verdict; then three renderings (Markdown, JSON, self-contained HTML). Pure: analysis in, text out.
 *
 *   | 1:49 | dose | 1200 mg/j (prégabaline) | 1 200 mg/j | 150–600 mg/j | **au-dessus** | RCP LYRICA 25 mg, gélule… |
 */
import type { Analysis } from '../core/analyze';
import type { Lexicon } from '../core/lexicon';
import type { Substance } from '../core/index-types';
import { LineIndex, type Range } from '../core/positions';
import { judgeForReader, uniqueSources, type SourceLink } from './dose-verdict';
import { posologySummary } from './cards';
import { frenchPhase, frenchStatus } from './trial-card';
import { frenchDate } from './typography';
import { reportText, type ReportText, type ReportVerdict } from './report-text';

export type { ReportVerdict };

export interface FactCheckItem {
  kind: 'drug' | 'dose' | 'trial';
  /** As written in the article. */
  text: string;
  start: number;
  end: number;
  range: Range;
  /** The DCI (or trial) it stands for; for a dose, its drug. */
  name?: string;
  verdict: ReportVerdict;
  /** What is wrong or right, in one sentence (doses, unknown drugs). */
  headline?: string;
  normalised?: string;
  documented?: string;
  contexts: string[];
  sources: SourceLink[];
}

export interface FactCheckModel {
  file: string;
  dataDate: string;
  items: FactCheckItem[];
  counts: { drug: number; dose: number; trial: number; doseVerdicts: Partial<Record<ReportVerdict, number>> };
}

function drugItem(m: Analysis['mentions'][number], lexicon: Lexicon): Omit<FactCheckItem, 'range'> {
  const named = m.substances.map((d) => lexicon.substance(d)).filter((s): s is Substance => !!s?.ranges.length);
  const base = { kind: 'drug' as const, text: m.text, start: m.start, end: m.end, name: m.label };
  if (!named.length) return { ...base, verdict: 'undocumented', headline: m.candidates ? `abréviation ambiguë : ${m.candidates.join(' ou ')}` : undefined, contexts: [], sources: [] };
  // A combination brand: each component's summary, named.
  const documented = named.length === 1 && m.substances.length === 1 ? posologySummary(named[0]) : named.map((s) => `${s.dci} : ${posologySummary(s)}`).join(' ; ');
  const ranges = named.flatMap((s) => s.ranges);
  return { ...base, verdict: 'documented', documented, contexts: [...new Set(ranges.map((r) => r.context))], sources: uniqueSources(ranges) };
}

function trialItem(m: Analysis['mentions'][number]): Omit<FactCheckItem, 'range'> {
  const t = m.entry.trial!;
  const what = [frenchPhase(t.phase), frenchStatus(t.status)].filter(Boolean).join(', ');
  const link = t.nct ? { title: `${t.nct} (ClinicalTrials.gov)`, url: `https://clinicaltrials.gov/study/${t.nct}` } : { title: t.source.title, url: t.source.url };
  return { kind: 'trial', text: m.text, start: m.start, end: m.end, name: t.name, verdict: 'documented', headline: what || undefined, contexts: [], sources: [link] };
}

export function factCheck(file: string, source: string, analysis: Analysis, lexicon: Lexicon): FactCheckModel {
  const lines = new LineIndex(source);
  const items: Omit<FactCheckItem, 'range'>[] = [];
  for (const m of analysis.mentions) {
    if (m.kind === 'drug') items.push(drugItem(m, lexicon));
    else if (m.kind === 'trial') items.push(trialItem(m));
  }
  for (const f of analysis.findings) {
    if (f.code !== 'unknown-drug') continue;
    items.push({ kind: 'drug', text: source.slice(f.start, f.end), start: f.start, end: f.end, verdict: 'unknown', headline: f.message, contexts: [], sources: [] });
  }
  for (const d of analysis.doses) {
    const j = judgeForReader(d, lexicon);
    items.push({
      kind: 'dose', text: d.text, start: d.start, end: d.end, name: d.substance ?? d.drug?.label, verdict: j.kind, headline: j.headline,
      normalised: j.normalised, documented: j.documented, contexts: j.contexts, sources: j.sources,
    });
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const full = items.map((i) => ({ ...i, range: lines.range(i.start, i.end) }));
  const doseVerdicts: Partial<Record<ReportVerdict, number>> = {};
  for (const i of full) if (i.kind === 'dose') doseVerdicts[i.verdict] = (doseVerdicts[i.verdict] ?? 0) + 1;
  const count = (k: FactCheckItem['kind']) => full.filter((i) => i.kind === k).length;
  return { file, dataDate: lexicon.meta.bdpmDate, items: full, counts: { drug: count('drug'), dose: count('dose'), trial: count('trial'), doseVerdicts } };
}

/** « 12 médicaments, 8 doses (6 dans la fourchette, 1 au-dessus…), 2 essais ». */
export function summaryText(model: FactCheckModel, t: ReportText = reportText()): string {
  const c = model.counts;
  const verdicts = Object.entries(c.doseVerdicts).map(([v, n]) => `${n} ${t.verdicts[v as ReportVerdict]}`).join(', ');
  const plural = (n: number, k: keyof ReportText['kinds']) => `${n} ${t.kinds[k][n > 1 ? 1 : 0]}`;
  return `${plural(c.drug, 'drug')}, ${plural(c.dose, 'dose')}${verdicts ? ` (${verdicts})` : ''}, ${plural(c.trial, 'trial')}.`;
}

const where = (i: FactCheckItem) => `${i.range.start.line + 1}:${i.range.start.character + 1}`;
const named = (i: FactCheckItem) => (i.name && i.name.toLowerCase() !== i.text.toLowerCase() ? `${i.text} (${i.name})` : i.text);
/** What the « Lecture » column shows: the normalised dose, or the trial's phase and status. */
const reading = (i: FactCheckItem) => i.normalised ?? (i.kind === 'trial' ? i.headline : undefined) ?? '';
const dataLine = (model: FactCheckModel, t: ReportText) => t.data(t === reportText() ? frenchDate(model.dataDate) : model.dataDate);

/** A drug named again: its range and sources are those of its first mention, given as « voir 33:1 ». */
function firstMentions(items: FactCheckItem[]): Map<FactCheckItem, FactCheckItem> {
  const first = new Map<string, FactCheckItem>(), seen = new Map<FactCheckItem, FactCheckItem>();
  for (const i of items) {
    if (i.kind !== 'drug' || !i.name || i.verdict === 'unknown') continue;
    const f = first.get(i.name);
    if (f) seen.set(i, f);
    else first.set(i.name, i);
  }
  return seen;
}

/** Markdown: a summary, then one table row per item; `link` gives each row's way back to the article. */
export function renderMarkdown(model: FactCheckModel, link?: (i: FactCheckItem) => string, t: ReportText = reportText()): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    `# ${t.title} — ${cell(model.file)}`, '',
    `${summaryText(model, t)} ${dataLine(model, t)}`, '',
    `| ${t.columns.join(' | ')} |`,
    '|---|---|---|---|---|---|---|',
  ];
  const again = firstMentions(model.items);
  for (const i of model.items) {
    const pos = link ? `[${where(i)}](${link(i)})` : where(i);
    const first = again.get(i);
    const sources = first ? `${t.see} ${where(first)}` : i.sources.map((s) => `[${cell(s.title)}](${s.url})`).join(' ; ');
    out.push(`| ${pos} | ${t.kinds[i.kind][0]} | ${cell(named(i))} | ${cell(reading(i))} | ${first ? '' : cell(i.documented ?? '')} | **${t.verdicts[i.verdict]}** | ${sources} |`);
  }
  const notes = model.items.filter((i) => i.kind !== 'trial' && i.headline && i.verdict !== 'in-range');
  if (notes.length) out.push('', `## ${t.toCheck}`, '', ...notes.map((i) => `- ${link ? `[${where(i)}](${link(i)})` : where(i)} ${cell(named(i))} : ${i.headline}`));
  return out.join('\n') + '\n';
}

export function renderJson(model: FactCheckModel): string {
  return JSON.stringify(model, null, 2) + '\n';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Only http(s) links are kept as links: the data's URLs, never a script. */
const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? escapeHtml(u) : '#');

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.above,.rhythm,.unit,.implausible,.unknown{background:#fde8e8}.below,.undocumented{background:#fff6dd}
.in-range,.documented{background:#e9f7ec}`;

/** A self-contained HTML page (inline style, no script, no outside resource); everything printed is escaped. */
export function renderHtml(model: FactCheckModel, t: ReportText = reportText()): string {
  const e = escapeHtml;
  const again = firstMentions(model.items);
  const rows = model.items.map((i) => {
    const first = again.get(i);
    const sources = first ? `${e(t.see)} ${e(where(first))}` : i.sources.map((s) => `<a href="${safeUrl(s.url)}">${e(s.title)}</a>`).join(' ; ');
    const title = i.headline ? ` title="${e(i.headline)}"` : '';
    return `<tr><td data-line="${i.range.start.line}" data-character="${i.range.start.character}">${e(where(i))}</td><td>${e(t.kinds[i.kind][0])}</td><td>${e(named(i))}</td><td>${e(reading(i))}</td>`
      + `<td>${first ? '' : e(i.documented ?? '')}</td><td class="${e(i.verdict)}"${title}>${e(t.verdicts[i.verdict])}</td><td>${sources}</td></tr>`;
  });
  const lang = t === reportText() ? 'fr' : 'en';
  return `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${e(t.title)} — ${e(model.file)}</title>`
    + `<style>${STYLE}</style></head><body>\n<h1>${e(t.title)} — ${e(model.file)}</h1>\n`
    + `<p>${e(summaryText(model, t))} ${e(dataLine(model, t))}</p>\n`
    + `<table><thead><tr>${t.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>\n<tbody>\n`
    + rows.join('\n') + '\n</tbody></table>\n</body></html>\n';
}
