// `npm run build`, after tsc: the entry points of the CLI and of the bot are bundles, so each
// reads a few files instead of ~700 small modules (kysely, zod and date-fns are hundreds each):
//   - the CLI spent most of its time resolving, reading and compiling them (#14: ~10× `node -e ''`,
//     the goal is under 3×). It is one CommonJS file, dist/src/bin/plan-bundle.cjs, which
//     dist/src/bin/plan.cjs (src/bin/plan.cts) runs through V8's code cache; the cache is made
//     here, by answering `13` once on a scratch database, so the first `npm run plan` is quick too;
//   - the bot kept every module's source and record for as long as it ran: bundled and minified,
//     its heap after start is ~8 MB smaller, and V8 sizes the old generation from that, so its
//     peak memory under load fell by ~20 MB (#14, docs/operations.md). It is ES modules, with
//     what only a chart, an export or PostgreSQL needs in chunks of their own, read on first use.
// Bolt, undici and the native and file-finding packages (charts, fonts, SQLite's binding) stay
// packages, loaded from node_modules as they expect. The jobs (alerts, import, export) start,
// work and exit: tsc's output as it is.
// Runs where esbuild is installed (a checkout: prepare → build); a production install
// (--omit=dev) has no esbuild and keeps the dist/ it was shipped, bundle included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * zod's `z` carries its error messages in 49 languages (`z.locales`, 297 KB of the bundle's
 * 1.3 MB) although only English is ever configured, and V8 parses every byte of a bundle at
 * each start. The namespace keeps English alone; `z.locales.fr` and the like are never used.
 */
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
    }));
  },
};

/**
 * better-sqlite3 is CommonJS: imported from ESM, Node first scans its sources for the names
 * it exports (cjs-module-lexer), some 10 ms of a start on this machine. Only its default export
 * is used, so the bundle takes it with require() (the banner's), which skips the scan.
 */
const requiredSqlite = {
  name: 'required-better-sqlite3',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      args.namespace === 'required' ? { path: 'better-sqlite3', external: true } : { path: 'better-sqlite3', namespace: 'required' },
    );
    b.onLoad({ filter: /.*/, namespace: 'required' }, () => ({ contents: 'export default require("better-sqlite3");', loader: 'js' }));
  },
};

const outDir = process.argv[2] ?? 'dist';
// Chunk names carry a hash of their content: without this every build would leave its old ones.
rmSync(join(outDir, 'src', 'plan-chunks'), { recursive: true, force: true });

/** Node 20's CommonJS has no import.meta: the CLI's bundle gets its own file's URL in its place. */
const cliBanner = "var __planBotUrl = require('node:url').pathToFileURL(__filename).href;";

/** What the two bundles share: Node 20, minified, with a source map. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Less to read and parse at every start: V8's parse of the bundle was the largest part of
  // the CLI's time (#14). Short identifiers too: the CLI prints a message, never a stack, and
  // the source map names them for anyone who debugs with --enable-source-maps.
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
};

// Bolt and undici (the bot's Slack side, never loaded by the CLI), native addons, and packages
// that find files beside themselves.
const external = ['@slack/*', 'undici', 'better-sqlite3', 'exceljs', '@resvg/*', 'echarts', '@expo-google-fonts/*'];

await build({
  ...common,
  entryPoints: { 'src/bin/plan-bundle': 'src/bin/plan.ts' },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // better-sqlite3's JavaScript is bundled too (ten files fewer to find and load); its binary
  // is named outright (src/store/db.ts), and `bindings`, its way of finding one otherwise, stays
  // a package, so it still looks beside itself. PostgreSQL's driver stays a package: a tenth of
  // the bundle that every start would read, for the few CLIs that use it.
  external: [...external.filter((name) => name !== 'better-sqlite3'), 'bindings', 'pg'],
  // import() of a package (pg) becomes require(): the launcher runs the bundle as a vm.Script,
  // which has no loader for import().
  supported: { 'dynamic-import': false },
  plugins: [englishZodOnly],
  define: { 'import.meta.url': '__planBotUrl' },
  banner: { js: cliBanner },
});
// The launcher that runs it, compiled as it is (src/bin/plan.cts → dist/src/bin/plan.cjs).
await build({
  entryPoints: { 'src/bin/plan': 'src/bin/plan.cts' },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

await build({
  ...common,
  entryPoints: { 'src/bin/start': 'src/bin/start.ts' },
  outdir: outDir,
  // Every output file two folders deep, like tsc's dist/src/store/seed-file.js: the seed file
  // is found as ../../db/seeds from whichever file its code lands in.
  chunkNames: 'src/plan-chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  external,
  plugins: [englishZodOnly, requiredSqlite],
  // Bundled CommonJS (the holiday calendar) may call require(), which ESM does not have.
  banner: { js: "import { createRequire as __planBotRequire } from 'node:module'; const require = __planBotRequire(import.meta.url);" },
});

warmCodeCache();

/**
 * Answers `13` once with the new CLI on a scratch database, which writes its code cache (and
 * shows the bundle runs). The old cache goes first: a cache names its bundle by size and time,
 * and a rebuild within the same millisecond at the same size is not impossible.
 */
function warmCodeCache() {
  const cli = join(outDir, 'src', 'bin', 'plan.cjs');
  rmSync(join(outDir, 'src', 'bin', 'plan-bundle.cjs.v8-cache'), { force: true });
  const scratch = mkdtempSync(join(tmpdir(), 'plan-bot-build-'));
  try {
    // In the scratch folder, with nothing of this environment: the CLI reads `.env` from where it
    // runs, and a build must not migrate or seed whatever database that names.
    const run = spawnSync(process.execPath, [resolve(cli), '13'], {
      cwd: scratch,
      env: { PATH: process.env.PATH ?? '', HOME: scratch, DATABASE_PATH: join(scratch, 'plans.db') },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`the CLI bundle did not answer \`13\` (exit ${run.status}):\n${run.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
