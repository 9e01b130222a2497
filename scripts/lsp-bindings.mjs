// An esbuild plugin for the server's bundle: our modules' named imports from « vscode-languageserver/node »
// (a CommonJS package) bound once. esbuild otherwise gives each importing module its own copy of the
// package's 320 exports, each a getter made at load (≈ 1.5 ms of a start for three modules), and reads
// every use (« MarkupKind.Markdown ») through two getters. Here they import one ES module instead, which
// takes every export once: « export const { createConnection, MarkupKind, … } = require(…) ».
import { createRequire } from 'node:module';

const PACKAGE = 'vscode-languageserver/node';
const NAMESPACE = 'lsp-bindings';

/** The ES module that binds every export of the package (names as the installed package has them). */
export function lspBindingsSource(names) {
  const valid = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  return `const lsp = require(${JSON.stringify(PACKAGE)});\nexport const { ${valid.join(', ')} } = lsp;\n`;
}

export const lspBindings = {
  name: NAMESPACE,
  setup(build) {
    const names = Object.keys(createRequire(import.meta.url)(PACKAGE));
    // Our modules' imports go to the bindings; the bindings' own require, to the package.
    build.onResolve({ filter: /^vscode-languageserver\/node$/ }, (args) => (args.namespace === NAMESPACE ? undefined : { path: PACKAGE, namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: lspBindingsSource(names), loader: 'js', resolveDir: process.cwd() }));
  },
};
