// An esbuild plugin for the server's bundle: writes it in ASCII only. esbuild (charset « ascii ») escapes
// every other character but those of regular expression literals (/comprimés?/ stays as written), and one
// « é » is enough for V8 to hold the whole 0.5 MB text in UTF-16; in ASCII, server-loader.ts reads it as
// Latin-1, one byte per character (≈ 1 ms of a start). Each such character becomes its \uXXXX escape, which
// means the same character in a regular expression (with or without the u flag) as in a string.
import { readFile, writeFile } from 'node:fs/promises';

/** The text with every non-ASCII UTF-16 unit written \uXXXX; throws where that would change its meaning. */
export function asciiSource(text) {
  return text.replace(/[^\x00-\x7f]/g, (c, at) => {
    let slashes = 0;
    while (text[at - 1 - slashes] === '\\') slashes++;
    // « \é » (an identity escape) would become « \\u00e9 »: a backslash, then « u00e9 ».
    if (slashes % 2 === 1) throw new Error(`ascii-bundle: « \\${c} » at ${at}: escaped character, write it \\u${hex(c)} in the source`);
    return `\\u${hex(c)}`;
  });
}

const hex = (c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

export const asciiBundle = {
  name: 'ascii-bundle',
  setup(build) {
    build.onEnd(async (result) => {
      const out = build.initialOptions.outfile;
      if (result.errors.length || !out) return;
      const text = await readFile(out, 'utf8');
      const ascii = asciiSource(text);
      if (ascii !== text) await writeFile(out, ascii);
    });
  },
};
