// An esbuild plugin for the server's bundle: Node.js modules that vscode-languageserver requires when it is
// loaded but uses only for what MedLint's start does not do (« child_process » to find npm's global folder;
// « net » and « crypto » for pipes and sockets) are required when first used. Loading them cost ≈ 10 % of a
// start. Each line is replaced only if found exactly once; otherwise the file is bundled as it is. Example: a
// hover on « La prégabaline 150 mg/j » is answered without « child_process » ever loaded.
import { readFile } from 'node:fs/promises';

/** Per file (path ending), the modules to require lazily, as the file writes them: const x_1 = require("x"); */
export const LAZY_BUILTINS = [
  { file: 'vscode-languageserver/lib/node/files.js', lines: ['const child_process_1 = require("child_process");'] },
  { file: 'vscode-jsonrpc/lib/node/main.js', lines: ['const crypto_1 = require("crypto");', 'const net_1 = require("net");'] },
];

/** The text with each line's require made lazy (a proxy that requires the module on first use), or undefined. */
export function lazyBuiltinsSource(text, lines) {
  let out = text;
  for (const line of lines) {
    if (out.split(line).length !== 2) return undefined;
    const [, name, module] = /^const (\w+) = require\("(\w+)"\);$/.exec(line);
    out = out.replace(line, `const ${name} = new Proxy({}, { get: (_, key) => require("${module}")[key] });`);
  }
  return out;
}

export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onLoad({ filter: /(vscode-languageserver[\\/]lib[\\/]node[\\/]files|vscode-jsonrpc[\\/]lib[\\/]node[\\/]main)\.js$/ }, async (args) => {
      const entry = LAZY_BUILTINS.find((e) => args.path.replaceAll('\\', '/').endsWith(e.file));
      const contents = entry && lazyBuiltinsSource(await readFile(args.path, 'utf8'), entry.lines);
      return contents ? { contents, loader: 'js' } : undefined;
    });
  },
};
