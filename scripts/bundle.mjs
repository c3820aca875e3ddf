// `npm run build`, after tsc: the entry points of the CLI (dist/src/bin/plan.js) and of the bot
// (dist/src/bin/start.js) are replaced by bundles of themselves, sharing chunks, so each reads a
// few files instead of ~700 small modules (kysely, zod and date-fns are hundreds each):
//   - the CLI spent most of its time resolving, reading and compiling them (#14: ~10× `node -e ''`,
//     the goal is under 3×);
//   - the bot kept every module's source and record for as long as it ran: bundled and minified,
//     its heap after start is ~8 MB smaller, and V8 sizes the old generation from that, so its
//     peak memory under load fell by ~20 MB (#14, docs/operations.md).
// Bolt, undici and the native and file-finding packages (charts, fonts, SQLite) stay packages,
// loaded from node_modules as they expect. What only a chart, an export or PostgreSQL needs is a
// chunk of its own, read on first use. The jobs (alerts, import, export) start, work and exit.
// Runs where esbuild is installed (a checkout: prepare → build); a production install
// (--omit=dev) has no esbuild and keeps the dist/ it was shipped, bundle included.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
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

await build({
  entryPoints: { 'src/bin/plan': 'src/bin/plan.ts', 'src/bin/start': 'src/bin/start.ts' },
  outdir: outDir,
  // Every output file two folders deep, like tsc's dist/src/store/seed-file.js: the seed file
  // is found as ../../db/seeds from whichever file its code lands in.
  chunkNames: 'src/plan-chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bolt and undici (the bot's Slack side, never loaded by the CLI), native addons, and packages
  // that find files beside themselves.
  external: ['@slack/*', 'undici', 'better-sqlite3', 'exceljs', '@resvg/*', 'echarts', '@expo-google-fonts/*'],
  // Less to read and parse at every start: V8's parse of the bundle was the largest part of
  // the CLI's time (#14). Short identifiers too: the CLI prints a message, never a stack, and
  // the source map names them for anyone who debugs with --enable-source-maps.
  minify: true,
  sourcemap: true,
  plugins: [englishZodOnly, requiredSqlite],
  // Bundled CommonJS (the holiday calendar) may call require(), which ESM does not have.
  banner: { js: "import { createRequire as __planBotRequire } from 'node:module'; const require = __planBotRequire(import.meta.url);" },
  logLevel: 'warning',
});
