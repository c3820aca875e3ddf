import { parseArgs } from 'node:util';
import { z } from 'zod';
import { makeContext } from '../../commands/context.ts';
import { requestExport } from '../../commands/export/request.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../commands/grammar.ts';
import { parseFiscalYear } from '../domain/fiscal-year.ts';
import { messagesFor } from '../messages/index.ts';
import { renderText } from '../render/text.ts';
import { findPlan } from '../store/action-plans.ts';
import { listPlans } from '../store/plans.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { writeExport } from './export-file.ts';
import { coreConfigOrSay, processIo, type CliIo } from './io.ts';

/**
 * `npm run export -- --format xlsx|csv|md|json [--plan CODE] [--year FY] [--out FILE]`: the
 * committee's workbook, the figures CSV, the mid-term review or the plan file, from the store.
 * Exit codes as `npm run plan`'s: 0 when written, 1 when the input cannot be answered (an
 * argument not understood, no such plan, a year outside it, a file that cannot be written),
 * 2 when the configuration is wrong.
 */
export const EXIT = { ok: 0, input: 1, config: 2 } as const;

export async function exportCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const config = coreConfigOrSay(io);
  if (!config) return EXIT.config;
  const m = messagesFor(config.locale);
  const usage = () => io.stderr(`${m.exchange.export.usage}\n`);

  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', short: 'f', default: 'xlsx' },
        plan: { type: 'string', short: 'p' },
        year: { type: 'string', short: 'y' },
        out: { type: 'string', short: 'o' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr(`plan-bot: ${error instanceof Error ? error.message : String(error)}\n`);
    usage();
    return EXIT.input;
  }
  const chosen = z.enum(EXPORT_FORMATS).safeParse(args.format!.normalize('NFKC').trim().toLowerCase());
  if (!chosen.success) {
    io.stderr(`plan-bot: --format ${args.format}\n`);
    usage();
    return EXIT.input;
  }
  const format: ExportFormat = chosen.data;
  let fiscalYear: number | null = null;
  if (args.year !== undefined) {
    const year = parseFiscalYear(args.year);
    if (!year.ok) {
      io.stderr(`plan-bot: --year ${args.year}\n`);
      usage();
      return EXIT.input;
    }
    fiscalYear = year.fiscalYear;
  }

  const db = await prepareDatabase(config.database);
  try {
    const code = args.plan?.normalize('NFKC').trim().toLowerCase() ?? config.planCode;
    const plan = await findPlan(db, code, config.workspace);
    if (!plan) {
      const error = code
        ? { code: 'no_such_plan' as const, selector: code, plans: (await listPlans(db, config.workspace)).map((p) => p.plan.code), ambiguous: false }
        : { code: 'no_plan' as const };
      io.stderr(`${renderText({ kind: 'error', error }, m)}\n`);
      return EXIT.input;
    }
    const ctx = makeContext({ db, workspace: config.workspace, plan, now: io.now(), dueRule: config.dueRule, actor: { id: io.user, isAdmin: true, canOpenForms: false } });
    const request = requestExport(ctx, format, fiscalYear);
    if (request.kind !== 'export') {
      io.stderr(`${renderText(request, m)}\n`);
      return EXIT.input;
    }
    return await writeExport(ctx, request, m, io, args.out);
  } finally {
    await db.destroy();
  }
}
