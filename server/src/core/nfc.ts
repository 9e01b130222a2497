/**
 * One text, one reading: a text with decomposed accents (NFD, as macOS pastes and some editors write
 * « pre\u0301gabaline a\u0300 150 mg ») or with CRLF/CR line breaks is analysed as its copy in NFC with LF
 * breaks, and every offset of the result is mapped back to the original, so that NFD, NFC, CRLF, LF and
 * any mix give the same findings at their own places. Pure: no LSP, no lexicon.
 */

/**
 * A line break (CRLF, CR or LF), or a base character and the marks that follow it (Hangul vowel and final
 * jamo compose with it too).
 */
const CLUSTER = /\r\n?|[^\p{M}\u1160-\u11FF][\p{M}\u1160-\u11FF]*|[\p{M}\u1160-\u11FF]+/gu;

/** The NFC/LF copy of a text, made cluster by cluster, and where each of its offsets is in the source. */
export interface NfcText {
  text: string;
  /** toSource[i]: offset in the source of offset i of `text` (length text.length + 1). */
  toSource: Int32Array;
}

export function toNfc(source: string): NfcText {
  const parts: string[] = [];
  const map: number[] = [];
  for (const m of source.matchAll(CLUSTER)) {
    const a = m.index!, cluster = m[0];
    const n = cluster.charCodeAt(0) === 13 ? '\n' : cluster.normalize('NFC');
    parts.push(n);
    // Inside a cluster whose length changed, offsets keep their distance from its start, within it.
    for (let k = 0; k < n.length; k++) map.push(a + Math.min(k, n.length === cluster.length ? k : 0));
  }
  map.push(source.length);
  return { text: parts.join(''), toSource: Int32Array.from(map) };
}

/** True when the text is its own copy: NFC with LF breaks (the usual case: checked natively, no copy made). */
export function isNfc(source: string): boolean {
  return source.indexOf('\r') < 0 && (source.normalize('NFC') === source || toNfc(source).text === source);
}

interface Span { start: number; end: number }
/** The parts of an analysis that hold offsets into the text (structural: core/analyze.ts's Analysis fits). */
export interface Located {
  prose: { text: string; blocks: Span[] };
  mentions: (Span & { text: string })[];
  doses: (Span & { text: string; unitStart: number; unitText: string })[];
  findings: (Span & { fixes?: { edit: Span }[] })[];
}

/**
 * Runs `analyse` on the NFC copy of `source` (on `source` itself when it is NFC already) and maps every
 * offset of the result back to `source`; texts quoted from the source (mention, dose and unit texts) are
 * re-read from it, and the prose text is the source's, with the same parts blanked.
 */
export function withNfc<T extends Located>(source: string, analyse: (text: string) => T): T {
  if (source.indexOf('\r') < 0 && source.normalize('NFC') === source) return analyse(source);
  const nfc = toNfc(source);
  if (nfc.text === source) return analyse(source);
  const result = analyse(nfc.text);
  const at = (i: number) => nfc.toSource[Math.max(0, Math.min(i, nfc.text.length))];
  const span = (s: Span) => { s.start = at(s.start); s.end = at(s.end); };
  const seen = new Set<object>();
  const once = (s: Span) => { if (!seen.has(s)) { seen.add(s); span(s); } };
  for (const b of result.prose.blocks) once(b);
  for (const m of result.mentions) { once(m); m.text = source.slice(m.start, m.end); }
  for (const d of result.doses) {
    once(d);
    d.text = source.slice(d.start, d.end);
    const unitEnd = at(d.unitStart + d.unitText.length);
    d.unitStart = at(d.unitStart);
    d.unitText = source.slice(d.unitStart, unitEnd);
    const drug = (d as { drug?: Span & { text: string } }).drug;
    if (drug && !seen.has(drug)) { once(drug); drug.text = source.slice(drug.start, drug.end); }
  }
  for (const f of result.findings) {
    once(f);
    for (const fix of f.fixes ?? []) once(fix.edit);
  }
  result.prose.text = proseOfSource(source, nfc, result.prose.text);
  return result;
}

/** The source with blanks where the NFC prose has them (a cluster is blanked whole; line breaks kept). */
function proseOfSource(source: string, nfc: NfcText, prose: string): string {
  let out = '';
  let kept = 0; // source offset up to which `out` is written
  for (let i = 0; i < prose.length; i++) {
    if (prose.charCodeAt(i) !== 32 || nfc.text.charCodeAt(i) === 32) continue;
    const a = nfc.toSource[i];
    let b = nfc.toSource[i + 1];
    if (b <= a) continue;
    while (i + 1 < prose.length && nfc.toSource[i + 1] === a) i++; // the rest of a composed cluster
    b = nfc.toSource[i + 1];
    if (a < kept) continue;
    out += source.slice(kept, a) + source.slice(a, b).replace(/[^\r\n]/g, ' ');
    kept = b;
  }
  return out + source.slice(kept);
}
