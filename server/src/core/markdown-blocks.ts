/**
 * markdown-it (CommonMark, GFM tables, YAML front matter) set up to give the block structure of a text and
 * nothing else, as fast as its own rules allow: « La prégabaline 150 mg/j.\n\n- 1 g » → paragraph_open
 * [0, 1], bullet_list_open [2, 3], list_item_open [2, 3]… The rules that decide the blocks are markdown-it's;
 * only the plumbing around them is lighter, and gives the same tokens:
 * - no inline rules (the scanner in inline.ts keeps offsets, markdown-it's inline tokens do not);
 * - line breaks normalised only when there is a carriage return or a NUL to replace;
 * - the block state's line table built with the native line search instead of a loop over every character;
 * - tokens built with plain assignments instead of the transpiled `defineProperty` helper;
 * - a paragraph whose lines open no block (« La prégabaline… », « - **Note** … »), up to a blank line, its
 *   container's end or a list item, taken in one step (`letterParagraph`).
 */
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { hasNul } from './code-units';

/** The parser: `blockParser.parse(text, {})` gives the block tokens of `text`. */
export const blockParser = new MarkdownIt('default', { html: true }).use(frontMatter, () => undefined);
blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
blockParser.core.ruler.at('normalize', normalizeBreaks);
blockParser.block.ruler.before('front_matter', 'letter_paragraph', letterParagraph);
useLightState(blockParser);

type CoreState = { src: string };

/** markdown-it's `normalize` (\r\n and \r → \n, NUL → U+FFFD), without its regex passes when they would do nothing. */
function normalizeBreaks(state: CoreState): void {
  if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
  if (hasNul(state.src)) state.src = state.src.replace(/\0/g, '\uFFFD');
}

/** The block state as `letterParagraph` reads and moves it. */
interface BlockState extends LineTable {
  src: string;
  line: number;
  level: number;
  blkIndent: number;
  listIndent: number;
  parentType: string;
  isEmpty(line: number): boolean;
  getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string;
  push(type: string, tag: string, nesting: number): { map: number[] | null; content: string; children: unknown[] | null };
}

/** A Latin letter (« a–z », « A–Z », « À–ɏ », with « × » and « ÷ » in that range): no Markdown block starts so. */
export function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Whether the line whose text starts at `at` opens no block: its first character is a letter, any character
 * beyond ASCII (« • », « « », « ≥ »: every Markdown mark is ASCII), a quote or an opening parenthesis, or digits
 * not followed by « . » or « ) » (an ordered item's marker); maybe after a run of emphasis marks (« **Note** »,
 * « _vu_ »), which is then no list marker (it needs a space) and no thematic break (marks and blanks only).
 */
function startsPlain(src: string, at: number): boolean {
  let c = src.charCodeAt(at);
  while (c === 42 || c === 95) c = src.charCodeAt(++at); // * _
  if (c >= 48 && c <= 57) {
    while (c >= 48 && c <= 57) c = src.charCodeAt(++at);
    return c !== 46 && c !== 41; // . )
  }
  return c >= 0x80 || isLetter(c) || c === 34 || c === 39 || c === 40; // " ' (
}

/**
 * A paragraph whose lines start with a letter or another character that opens no block (`startsPlain`), taken
 * in one step: the same tokens as markdown-it's own rules give, found without trying each of them on its lines.
 * It is taken anywhere (at the top level, in a list item, a quote), its lines whatever their indentation, up to a
 * blank line, the end of their container or a bullet item that ends a paragraph (`isItemAfter`):
 * « La prégabaline 150 mg/j\nLe paracétamol 1 g :\n- 1 g » → paragraph_open, inline, paragraph_close, map [0, 2];
 * « - Le paracétamol 1 g\n- La prégabaline » → in each item, maps [0, 1] and [1, 2].
 * Why no other rule applies: front matter needs « - » as the text's first character (a list item there is left
 * to markdown-it), indented code an indentation of 4, fences, quotes, rules, lists, references, HTML and ATX
 * headings a mark first; a table needs a delimiter row (« |, -, : ») as its second line, a setext heading an
 * underline (« = » or « - ») before the blank line, and none of these can end the paragraph before it (a line
 * indented 4 columns more than its container only continues it). Any other paragraph is left to markdown-it.
 */
function letterParagraph(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const { bMarks, tShift, sCount, src } = state;
  if (silent || !startsPlain(src, bMarks[startLine] + tShift[startLine])) return false;
  if (sCount[startLine] - state.blkIndent >= 4 || (startLine === 0 && src.charCodeAt(0) === 45)) return false;
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next) && startsPlain(src, bMarks[next] + tShift[next])) next++;
  if (next < endLine && !state.isEmpty(next) && !isItemAfter(state, next)) return false;
  const root = state.level === 0 && state.blkIndent === 0 && state.parentType === 'root';
  // markdown-it's paragraph content: at the top level, with no indentation to take off and no line moved by a
  // container, what its line reader gives is the text from the first line's start to the last line's end.
  const lines = root
    ? src.slice(bMarks[startLine], state.eMarks[next - 1])
    : state.getLines(startLine, next, state.blkIndent, false);
  const content = blockParser.utils.asciiTrim(lines); // markdown-it's own trim, as its paragraph rule does
  state.line = next;
  state.push('paragraph_open', 'p', 1).map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.content = content;
  inline.map = [startLine, next];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  return true;
}

/**
 * Whether a line is a bullet item that ends the paragraph before it, as markdown-it's list rule decides:
 * - one less indented than the current container (« - 20 mg » after the item « - 10 mg »), unless it is 4
 *   columns past the outer list's indentation, or a lazy line of a quote (an indentation of -1);
 * - one as indented or up to 3 columns more (« Le paracétamol :\n- 1 g », a nested « - … » under an item),
 *   if it holds more than its marker (else « - » could be a setext underline).
 * A table's delimiter row or a setext underline is never one of these: a marker and a space, then text.
 */
function isItemAfter(state: BlockState, line: number): boolean {
  const indent = state.sCount[line], inner = indent >= state.blkIndent;
  if (indent < 0 || indent - state.blkIndent >= 4) return false;
  if (!inner && state.listIndent >= 0 && indent - state.listIndent >= 4) return false;
  const { bMarks, eMarks, tShift, src } = state;
  const at = bMarks[line] + tShift[line], end = eMarks[line];
  const marker = src.charCodeAt(at);
  if (marker !== 42 && marker !== 45 && marker !== 43) return false; // * - +
  if (at + 1 >= end) return !inner;
  let text = at + 1;
  if (src.charCodeAt(text) !== 32 && src.charCodeAt(text) !== 9) return false;
  while (text < end && (src.charCodeAt(text) === 32 || src.charCodeAt(text) === 9)) text++;
  return !inner || text < end;
}

/** The per-line fields of markdown-it's block state. */
interface LineTable {
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  bsCount: number[];
  lineMax: number;
}

/**
 * markdown-it's line table of `src`: per line, its start, its end (before the \n), the count of its leading
 * spaces and tabs, and its indentation width (a tab to the next multiple of 4); then one sentinel line at the
 * end. As in markdown-it, a last line of spaces and tabs with no line break after it is no line at all.
 */
export function fillLineTable(state: LineTable, src: string): void {
  const { bMarks, eMarks, tShift, sCount, bsCount } = state;
  const length = src.length;
  for (let start = 0; start < length;) {
    let pos = start, width = 0;
    for (let c = src.charCodeAt(pos); c === 32 || c === 9; c = src.charCodeAt(++pos)) width += c === 9 ? 4 - (width % 4) : 1;
    if (pos >= length) break;
    const newline = src.indexOf('\n', pos);
    const end = newline < 0 ? length : newline;
    bMarks.push(start); eMarks.push(end); tShift.push(pos - start); sCount.push(width); bsCount.push(0);
    start = end + 1;
  }
  bMarks.push(length); eMarks.push(length); tShift.push(0); sCount.push(0); bsCount.push(0);
  state.lineMax = bMarks.length - 1;
}

/**
 * The block state of this parser fills its line table with `fillLineTable` (markdown-it's constructor runs on an
 * empty text, which only leaves the sentinel line, then the table is filled again), and builds its tokens as
 * markdown-it 15 does (same prototype, same own fields in the same order) with plain assignments: on a list of
 * 32,000 one-line items (« - 10 mg »), 160,000 tokens, the transpiled `defineProperty` helper was a third of the
 * parse and much of its garbage. `push` is markdown-it's own.
 */
function useLightState(parser: typeof blockParser): void {
  const tokenPrototype = Object.getPrototypeOf(parser.parse('x', {})[0]) as object;
  type Fields = Record<string, unknown>;
  function LightToken(this: Fields, type: string, tag: string, nesting: number) {
    this.map = null; this.level = 0; this.children = null; this.content = ''; this.markup = ''; this.info = '';
    this.block = false; this.hidden = false; this.type = type; this.tag = tag; this.attrs = null; this.nesting = nesting; this.meta = null;
  }
  LightToken.prototype = tokenPrototype;
  const Token = LightToken as unknown as new (type: string, tag: string, nesting: number) => Fields;
  const Base = parser.block.State as unknown as new (src: string, ...rest: unknown[]) => LineTable & { src: string; level: number; tokens: Fields[] };
  parser.block.State = class extends Base {
    constructor(src: string, ...rest: unknown[]) {
      super('', ...rest);
      this.src = src;
      this.bMarks = []; this.eMarks = []; this.tShift = []; this.sCount = []; this.bsCount = [];
      fillLineTable(this, src);
    }
    push(type: string, tag: string, nesting: number): Fields {
      const token = new Token(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  } as unknown as typeof parser.block.State;
}
