// Bundles the client, the server and the CLI into dist/, then copies nothing else:
// the data build writes dist/medlint-index.bin itself. With --tests, only the mocha suite that runs
// inside VS Code's extension host (dist/test/vscode/); the .vsix leaves it out.
import * as esbuild from 'esbuild';
import { lazyEntities } from './scripts/lazy-entities.mjs';
import { lazyBuiltins } from './scripts/lazy-builtins.mjs';
import { asciiBundle } from './scripts/ascii-bundle.mjs';
import { lspBindings } from './scripts/lsp-bindings.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

// jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow: its ES module build instead.
// tinyglobby's ES build loads fdir's, which calls createRequire(import.meta.url): its CommonJS build instead.
// markdown-it: its CommonJS build (the one the tests load), whose entity table scripts/lazy-entities.mjs makes lazy.
const alias = {
  'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js', tinyglobby: './node_modules/tinyglobby/dist/index.cjs',
  'markdown-it': './node_modules/markdown-it/dist/markdown-it.cjs.js',
};
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'info', alias, plugins: [lazyEntities, lazyBuiltins] };
const builds = tests ? [] : [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server: its bundle (in ASCII: scripts/ascii-bundle.mjs; the LSP package's exports bound once:
  // scripts/lsp-bindings.mjs), and the small entry point that runs it with V8's code cache (server-loader.ts).
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js', plugins: [...common.plugins, lspBindings, asciiBundle] },
  { ...common, entryPoints: ['server/src/server-loader.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (tests) {
  builds.push({ ...common, minify: false, sourcemap: true, entryPoints: ['test/editors/vscode/index.ts', 'test/editors/vscode/extension.test.ts'],
    outdir: 'dist/test/vscode', external: ['vscode', 'mocha'] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
