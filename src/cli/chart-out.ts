import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Messages } from '../messages/index.ts';
import { CHART_HEIGHT, CHART_WIDTH } from '../render/chart/spec.ts';
import type { DrawnChart } from '../render/chart-draw.ts';

/**
 * `npm run plan -- 13 chart --out 13.png`: the `--out` option is the CLI's own (Slack has no
 * files to write), so it is taken out of argv before the grammar reads the rest.
 */
export type OutOption = { ok: true; out: string | null; rest: string[] } | { ok: false; problem: 'missing' };

export function splitOutOption(argv: string[]): OutOption {
  const rest: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--out') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) return { ok: false, problem: 'missing' };
      out = value;
      i++;
    } else if (word.startsWith('--out=')) {
      const value = word.slice('--out='.length);
      if (value === '') return { ok: false, problem: 'missing' };
      out = value;
    } else {
      rest.push(word);
    }
  }
  return { ok: true, out, rest };
}

/**
 * Writes the chart's PNGs: the first to `out` (or its own name in the current folder), any
 * further ones (more than two indicators) beside it as `<name>-2.png`, `-3`… Returns the lines
 * to print, or throws with the path that could not be written.
 */
export function writeChartFiles(drawn: DrawnChart, out: string | null, m: Messages): string[] {
  return drawn.files.map((file, i) => {
    const base = out ?? file.filename;
    const path = i === 0 || out === null ? base : numbered(base, i + 1);
    try {
      writeFileSync(path, file.bytes);
    } catch (error) {
      throw new ChartWriteError(path, (error as NodeJS.ErrnoException).code ?? String(error));
    }
    return m.visual.chart.cli.wrote(path, CHART_WIDTH, CHART_HEIGHT, Math.max(1, Math.round(file.bytes.length / 1024)));
  });
}

export class ChartWriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`could not write ${path}: ${reason}`);
  }
}

function numbered(path: string, n: number): string {
  const ext = extname(path);
  return ext ? `${path.slice(0, -ext.length)}-${n}${ext}` : `${path}-${n}`;
}
