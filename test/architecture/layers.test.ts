import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the tree, read from its imports. Outer layers may import inner ones, never the
 * other way; the doors (Slack, CLI, scheduler) never import each other; only src/bin composes
 * them into processes. docs/architecture.md draws the same picture.
 */

const ROOT = resolve(import.meta.dirname, '../..');

/** Area → rank. An import must go to a lower rank, or stay inside its own area. */
const RANK: Record<string, number> = {
  'src/domain': 0,
  'db/migrations': 0,
  'src/store': 1,
  commands: 2,
  'src/messages': 3,
  'src/render': 4,
  'src/config': 5,
  'src/slack-web': 5,
  'src/slack': 6,
  'src/cli': 6,
  'src/scheduler': 6,
  'src/bin': 7,
};

const AREAS = Object.keys(RANK).sort((a, b) => b.length - a.length);

function areaOf(file: string): string | undefined {
  const rel = relative(ROOT, file).split('\\').join('/');
  return AREAS.find((area) => rel === area || rel.startsWith(`${area}/`));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), (m[1] ?? m[2])!));
}

type Edge = [file: string, target: string];

function edgesOf(files: string[]): Edge[] {
  return files.flatMap((file) => importsOf(file).map((target): Edge => [file, target]));
}

function violations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const [file, target] of edges) {
    const from = areaOf(file);
    const to = areaOf(target);
    if (!from || !to || to === from) continue;
    if (RANK[to]! >= RANK[from]!) out.push(`${relative(ROOT, file)} → ${relative(ROOT, target)} (${from} may not import ${to})`);
  }
  return out;
}

const ALL = ['src', 'commands', 'db'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

describe('the layers of the tree', () => {
  it('places every source file in a known area', () => {
    expect(ALL.filter((f) => areaOf(f) === undefined).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('has no import from an inner layer to an outer one, nor between doors', () => {
    expect(violations(edgesOf(ALL))).toEqual([]);
  });

  it('keeps migrations frozen: they import no application code', () => {
    const migrations = ALL.filter((f) => areaOf(f) === 'db/migrations');
    const outside = migrations.flatMap((f) => importsOf(f).filter((t) => areaOf(t) !== 'db/migrations'));
    expect(outside).toEqual([]);
  });

  it('would flag an outward import and an import between doors', () => {
    const at = (path: string) => join(ROOT, path);
    expect(
      violations([
        [at('src/store/probe.ts'), at('src/slack/app.ts')],
        [at('src/cli/plan.ts'), at('src/slack/app.ts')],
        [at('commands/run.ts'), at('src/render/text.ts')],
        [at('src/slack/app.ts'), at('src/store/db.ts')],
      ]),
    ).toHaveLength(3);
  });
});
