// `npm run build`, step 1 of 2: bundles the bot into plain JavaScript in dist/ (step 2, dist/build-model.js, trains the model).
// An esbuild bundle rather than tsc's file-per-module output, and minified: measured side by side, each starts the CLI
// and the server markedly faster (no resolving and reading of hundreds of files in node_modules; less to parse: the
// botbuilder chunk goes from 4.9 to 2.2 MB). Stack traces name minified functions. Type-checking is `npm run typecheck`.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** How the bot is bundled; the start-up bench bundles its model-loading probe the same way. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // The SDKs are CommonJS and require() Node's built-ins: give the ES module bundle a require of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
  // The store's drivers stay in node_modules: better-sqlite3 finds its compiled addon beside its own files.
  external: ['better-sqlite3', 'pg'],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: { index: 'src/index.ts', 'cli/main': 'src/cli/main.ts', 'build-model': 'src/build-model.ts' },
    outdir: 'dist',
    // Each platform SDK and YAML/zod stay in chunks of their own, loaded by the dynamic import() that needs them.
    splitting: true,
  });
}
