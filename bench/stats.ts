/** Timing helpers shared by the benchmarks: sample, summarise, print. */

export interface Summary {
  count: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** Process CPU time (user + system) over the samples, per sample; NaN when not measured. */
  cpuPerCallMs: number;
}

/** Nearest-rank percentile of an ascending list (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: readonly number[], cpuMs = Number.NaN): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    cpuPerCallMs: cpuMs / Math.max(1, sorted.length),
    count: sorted.length,
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

export interface SampleOptions {
  /** Runs thrown away first: JIT, SQLite page cache, prepared statements. */
  warmup: number;
  minIterations: number;
  maxIterations: number;
  /** Stop once past minIterations and this much time has gone by. */
  budgetMs: number;
}

/** Times `fn` one call at a time (never overlapping), as a person's request would run. */
export async function sample(fn: () => Promise<unknown>, options: SampleOptions): Promise<number[]> {
  const { samples } = await timed(fn, options);
  return samples;
}

/**
 * As `sample`, summarised with the process's CPU time per call (less inflated by a busy machine).
 * `before`, when given, runs ahead of every call and is neither timed nor counted.
 */
export async function sampleWithCpu(fn: () => Promise<unknown>, options: SampleOptions, before?: () => Promise<unknown>): Promise<Summary> {
  const { samples, cpuMs } = await timed(fn, options, before);
  return summarise(samples, cpuMs);
}

async function timed(
  fn: () => Promise<unknown>,
  options: SampleOptions,
  before?: () => Promise<unknown>,
): Promise<{ samples: number[]; cpuMs: number }> {
  for (let i = 0; i < options.warmup; i++) {
    await before?.();
    await fn();
  }
  const samples: number[] = [];
  let cpuMicros = 0;
  const started = performance.now();
  while (
    samples.length < options.maxIterations &&
    (samples.length < options.minIterations || performance.now() - started < options.budgetMs)
  ) {
    await before?.();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
  }
  return { samples, cpuMs: cpuMicros / 1000 };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 0.1) return `${(value * 1000).toFixed(0)} µs`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(1)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** A GitHub-flavoured Markdown table, columns padded so it also reads in a terminal. */
export function markdownTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(3, ...all.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) ? 2 : 1;
  }
  return width;
}
