import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildExportModel } from '../../commands/export/build.ts';
import { planFileOf } from '../../commands/export/plan-file.ts';
import type { CommandContext } from '../../commands/context.ts';
import type { CommandResult } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';
import { exportFileName, exportLabelsFor, exportWords, renderModelFile, renderPlanFile } from '../render/export/file.ts';
import { withProgress, type CliIo } from './io.ts';

export type ExportRequest = Extract<CommandResult, { kind: 'export' }>;

/**
 * Builds the requested file and writes it: to `out`, to stdout for `-`, else to a file named
 * after the plan and the day in the current directory. Returns the exit code.
 */
export async function writeExport(
  ctx: CommandContext,
  request: ExportRequest,
  m: Messages,
  io: CliIo,
  out?: string,
): Promise<number> {
  const what = m.exchange.export.formatName[request.format];
  // The plan the request resolved to, which the text may have named (`5期 export`).
  const planCtx = { ...ctx, plan: request.plan };
  const bytes = await withProgress(io, m.exchange.export.progress(what), m.exchange.export.done, async () => {
    if (request.format === 'json') return renderPlanFile(await planFileOf(ctx.db, request.plan));
    const model = await buildExportModel(planCtx, { fiscalYear: request.fiscalYear, words: exportWords(m) });
    return renderModelFile(request.format, model, exportLabelsFor(m));
  });
  if (out === '-') {
    io.stdout(bytes);
    return 0;
  }
  const path = resolve(io.cwd, out ?? exportFileName(request.format, request.plan.code, ctx.today, request.fiscalYear));
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    io.stderr(`${m.exchange.export.cannotWrite(path, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    return 1;
  }
  io.stdout(`${m.exchange.export.written(path, sizeOf(bytes.length))}\n`);
  return 0;
}

function sizeOf(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
