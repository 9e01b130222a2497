/**
 * The bench's figures: each with its unit, its goal (issue 13's table) and its ratio to a reference measured
 * in the same run (an empty Node.js start, or cSpell over the same articles), since this machine's absolute
 * times drift by 2× from hour to hour. Example: the keystroke that types the « j » of « prégabaline 150 mg/j »
 * in a 1 MB document, printed as « one-character edit in 1 MB → fresh diagnostics (pull), median: 846 ms
 * (1.08× an empty Node start) — goal ≤ 20 ms ✘ ».
 */

export type Unit = 'ms' | 'MB' | 'bytes' | 'ms/MB';

export interface Goal {
  /** The figure meets its goal when it is at most this (in its unit). */
  max: number;
  /** The goal as the issue writes it, « ≤ 150 ms ». */
  text: string;
}

export interface Figure {
  id: string;
  label: string;
  /** undefined: not measured (gave up, or the step failed); `note` says why. */
  value?: number;
  unit: Unit;
  goal?: Goal;
  /** A second goal on the ratio, « ≤ 1.3× an empty Node start ». */
  ratioGoal?: Goal;
  /** The figure divided by the reference's, with the reference's name. */
  ratio?: { to: 'node' | 'cspell'; value: number };
  note?: string;
  /** What stands for a value that was not measured, « > 60 s ». */
  shown?: string;
  /** Printed and kept in results.json but left out of the README's table. */
  detail?: boolean;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

/** Nearest-rank percentile (p99 of 20 samples is their maximum). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

export const goal = (max: number, text: string): Goal => ({ max, text });

/** ✔ when every goal of the figure is met, ✘ when one is missed, empty without a goal. */
export function verdict(f: Figure): string {
  const goals = [f.goal && f.value !== undefined ? f.value <= f.goal.max : undefined,
    f.ratioGoal && f.ratio ? f.ratio.value <= f.ratioGoal.max : undefined].filter((x) => x !== undefined);
  if (f.value === undefined && (f.goal || f.ratioGoal)) return '✘';
  if (!goals.length) return '';
  return goals.every(Boolean) ? '✔' : '✘';
}

export function formatValue(f: Figure): string {
  if (f.value === undefined) return f.shown ?? 'not measured';
  return `${f.value.toFixed(f.unit === 'ms' && f.value < 10 ? 2 : 0)} ${f.unit}`;
}

export function formatRatio(f: Figure): string {
  if (!f.ratio) return '';
  const r = f.ratio.value;
  const text = r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : String(Number(r.toPrecision(2)));
  return f.ratio.to === 'node' ? `${text}× an empty Node start` : `${text}× cSpell`;
}

export function formatGoals(f: Figure): string {
  return [f.goal?.text, f.ratioGoal?.text].filter(Boolean).join(', ');
}

/** One printed line per figure. */
export function printFigure(f: Figure): void {
  const ratio = formatRatio(f);
  const goals = formatGoals(f);
  console.log(`${f.label}: ${formatValue(f)}${ratio ? ` (${ratio})` : ''}${goals ? ` — goal ${goals} ${verdict(f)}` : ''}` +
    `${f.note ? ` — ${f.note}` : ''}`);
}

/** Sets each timed figure's ratio to the reference (an empty Node start, or cSpell), where it has none. */
export function withRatios(figures: Figure[], nodeStart: number): Figure[] {
  return figures.map((f) => (f.ratio || f.unit !== 'ms' || f.value === undefined || !nodeStart || f.id.startsWith('node-start') ? f
    : { ...f, ratio: { to: 'node' as const, value: f.value / nodeStart } }));
}
