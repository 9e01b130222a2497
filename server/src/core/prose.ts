/**
 * Markdown → prose. markdown-it (CommonMark, GFM tables, YAML front matter) gives the block structure;
 * only the lines of paragraphs, headings and table rows can hold prose, everything else (fenced and
 * indented code, HTML blocks, front matter, reference definitions) is blanked out with spaces. Inside
 * those blocks, `inline.ts` finds code spans, link targets, autolinks, inline HTML and bare URLs.
 * The prose text has the source's length: every offset in it is an offset in the source.
 */
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { inlineNonProse } from './inline';

export type BlockKind = 'heading' | 'paragraph' | 'tableRow' | 'listItem';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface Prose {
  /** Source text with non-prose replaced by spaces (newlines kept). */
  text: string;
  blocks: Block[];
}

// Block structure only: the inline rules of markdown-it are not run (the scanner in inline.ts keeps
// offsets, markdown-it's inline tokens do not).
const md = new MarkdownIt('default', { html: true }).use(frontMatter, () => undefined);
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

const BLOCKS: Record<string, BlockKind> = {
  heading_open: 'heading', paragraph_open: 'paragraph', tr_open: 'tableRow', list_item_open: 'listItem',
};
/** Blocks whose lines are prose (a list item's own lines are covered by its paragraphs). */
const PROSE_BLOCKS = new Set(['heading_open', 'paragraph_open', 'tr_open']);

/** Offsets of line starts, with markdown-it's line breaks (\r\n, \r or \n). */
function lineStarts(source: string): number[] {
  const starts = [0];
  if (source.indexOf('\r') < 0) {
    // Only \n: the native search is several times faster than a loop over every character.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function extractProse(source: string): Prose {
  return readProse(source).prose;
}

/**
 * The prose of a text, and whether a block of it runs on to the text's last line (a fence or an HTML block
 * left open, a front matter without its end): then the same lines followed by more text may read otherwise
 * (core/chunks.ts parses a long document piece by piece and widens a piece that ends open).
 */
export function readProse(source: string): { prose: Prose; openAtEnd: boolean } {
  const starts = lineStarts(source);
  const lineEnd = (line: number) => {
    let end = line + 1 < starts.length ? starts[line + 1] : source.length;
    while (end > starts[line] && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
    return end;
  };
  const blocks: Block[] = [];
  let tokens: ReturnType<typeof md.parse> = [];
  try {
    tokens = md.parse(source, {});
  } catch {
    tokens = []; // markdown-it does not throw on any input we know of; if it ever does, nothing is prose
  }
  // Non-prose ranges, as flat [start, end) pairs in source order.
  const hidden: number[] = [];
  let cursor = 0; // everything before it is decided
  let covered = -1; // last line already taken as prose (nested blocks share lines)
  let openAtEnd = false;
  // markdown-it's line count: a final line break ends the last line, it does not open another.
  const lineCount = starts.length - (starts[starts.length - 1] === source.length && source.length > 0 ? 1 : 0);
  for (const t of tokens) {
    if (t.map && t.map[1] >= lineCount) openAtEnd = true;
    const kind = BLOCKS[t.type];
    if (!kind || !t.map) continue;
    const [first, last] = t.map;
    if (last <= first) continue;
    const start = starts[first], end = lineEnd(last - 1);
    blocks.push({ kind, start, end });
    if (!PROSE_BLOCKS.has(t.type) || last - 1 <= covered) continue;
    const from = starts[Math.max(first, covered + 1)];
    if (from > cursor) hidden.push(cursor, from);
    inlineNonProse(source, from, end, hidden);
    cursor = end;
    covered = last - 1;
  }
  if (cursor < source.length) hidden.push(cursor, source.length);
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { prose: { text: blankRanges(source, hidden), blocks }, openAtEnd };
}

/** The source with the given ranges replaced by spaces, line breaks kept. */
function blankRanges(source: string, hidden: number[]): string {
  let text = '';
  let at = 0;
  for (let k = 0; k < hidden.length; k += 2) {
    const a = Math.max(hidden[k], at), b = hidden[k + 1];
    if (b <= a) continue;
    text += source.slice(at, a) + source.slice(a, b).replace(NOT_BREAK, ' ');
    at = b;
  }
  return text + source.slice(at);
}
const NOT_BREAK = /[^\r\n]/g;
