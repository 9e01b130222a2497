/**
 * Markdown → prose. The document is parsed with micromark (CommonMark, GFM
 * tables, YAML front matter); everything that is not prose (code, HTML, link
 * targets, bare URLs, front matter, reference definitions) is blanked out with
 * spaces, so the prose text has the source's length and every offset in it is
 * an offset in the source.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';

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

const NON_PROSE = new Set([
  'codeFenced', 'codeIndented', 'codeText', 'htmlFlow', 'htmlText', 'resource', 'autolink', 'definition', 'reference', 'yaml',
]);
const BLOCKS: Record<string, BlockKind> = {
  atxHeading: 'heading', setextHeading: 'heading', paragraph: 'paragraph', tableRow: 'tableRow',
};
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'\])]+[^\s<>"'\]).,;:!?]/g;
const extensions = [frontmatter(['yaml']), gfmTable()];

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

export function extractProse(source: string): Prose {
  const chars = source.split('');
  const blocks: Block[] = [];
  const listItemStarts: number[] = [];
  const listEnds: number[] = [];
  let events: ReturnType<typeof postprocess> = [];
  try {
    events = postprocess(parse({ extensions }).document().write(preprocess()(source, undefined, true)));
  } catch {
    // micromark does not throw on any input we know of; if it ever does, treat everything as prose.
    events = [];
  }
  let skipDepth = 0;
  for (const [kind, token] of events) {
    const type = token.type as string;
    if (NON_PROSE.has(type)) {
      if (kind === 'enter') {
        if (skipDepth === 0) blank(chars, token.start.offset, token.end.offset);
        skipDepth++;
      } else skipDepth--;
      continue;
    }
    if (kind !== 'enter') {
      if (type === 'listOrdered' || type === 'listUnordered') listEnds.push(token.end.offset);
      continue;
    }
    const blockKind = BLOCKS[type];
    if (blockKind) blocks.push({ kind: blockKind, start: token.start.offset, end: token.end.offset });
    else if (type === 'listItemPrefix') listItemStarts.push(token.start.offset);
  }
  // A list item runs from its marker to the next marker or the end of its list.
  listItemStarts.sort((a, b) => a - b);
  listEnds.sort((a, b) => a - b);
  for (let i = 0; i < listItemStarts.length; i++) {
    const start = listItemStarts[i];
    const nextItem = listItemStarts[i + 1] ?? Infinity;
    const listEnd = listEnds.find((e) => e > start) ?? source.length;
    blocks.push({ kind: 'listItem', start, end: Math.min(nextItem, listEnd) });
  }
  let text = chars.join('');
  text = text.replace(BARE_URL, (url) => ' '.repeat(url.length));
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, blocks };
}
