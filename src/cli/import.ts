import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { applyFigures, diffFigures } from '../../commands/import/figures.ts';
import { importPlanFile, readPlanFile } from '../../commands/import/plan-file.ts';
import { messagesFor, type Messages } from '../messages/index.ts';
import { parseCsv } from '../render/export/csv.ts';
import {
  figuresDiffLines,
  figuresRefusalLines,
  planFileIssueLines,
  planSummaryLines,
  qualityWarningLines,
} from '../render/import/report.ts';
import type { PlanDb } from '../store/db.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { coreConfigOrSay, processIo, type CliIo } from './io.ts';

/**
 * `npm run import -- FILE [--dry-run] [--strict] [--by NAME]`: a figures CSV (`.csv`, the
 * export's columns) or a whole plan (`.json`, the plan file). Shows what it would change, then
 * writes all of it in one transaction or nothing. Exit codes as `npm run plan`'s: 0 imported (or
 * a dry run that would import), 1 refused or unreadable (nothing written), 2 configuration wrong.
 */
export const EXIT = { ok: 0, refused: 1, config: 2 } as const;

interface ImportOptions {
  dryRun: boolean;
  strict: boolean;
  recordedBy: string;
  now: Date;
  workspace: string;
}

export async function importCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const config = coreConfigOrSay(io);
  if (!config) return EXIT.config;
  const m = messagesFor(config.locale);
  const i = m.exchange.import;

  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        by: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`plan-bot: ${error instanceof Error ? error.message : String(error)}\n${i.usage}\n`);
    return EXIT.refused;
  }
  const [file, ...extra] = parsed.positionals;
  // Who the revisions are recorded as: shown in every history, so a short readable name.
  const byArg = z.string().trim().min(1).max(80).optional().safeParse(parsed.values.by);
  const by = byArg.success ? byArg.data : undefined;
  if (file === undefined || extra.length > 0 || !byArg.success) {
    io.stderr(`${i.usage}\n`);
    return EXIT.refused;
  }
  const path = resolve(io.cwd, file);
  const kind = ({ '.csv': 'figures', '.json': 'plan' } as const)[extname(path).toLowerCase() as '.csv' | '.json'];
  if (!kind) {
    io.stderr(`${i.unknownKind(file)}\n${i.usage}\n`);
    return EXIT.refused;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    io.stderr(`${i.cannotRead(file, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    return EXIT.refused;
  }

  const options: ImportOptions = {
    dryRun: parsed.values['dry-run'] === true,
    strict: parsed.values.strict === true,
    recordedBy: by ?? io.user,
    now: io.now(),
    workspace: config.workspace,
  };
  const db = await prepareDatabase(config.database);
  try {
    return kind === 'figures' ? await importFigures(db, bytes, options, m, io) : await importPlan(db, bytes, options, m, io);
  } finally {
    await db.destroy();
  }
}

async function importFigures(db: PlanDb, bytes: Buffer, options: ImportOptions, m: Messages, io: CliIo): Promise<number> {
  const i = m.exchange.import;
  const { rows, errors } = parseCsv(bytes);
  // Rows that read well are still compared, so one run lists every line to fix.
  const diff = await diffFigures(db, rows, undefined, options.workspace);
  if (errors.length > 0 || diff.counts.refused > 0) {
    io.stderr(`${[...figuresRefusalLines(errors, diff, m), i.refusedAll].join('\n')}\n`);
    return EXIT.refused;
  }
  io.stdout(`${figuresDiffLines(diff, m).join('\n')}\n`);
  if (options.dryRun) {
    io.stdout(`${diff.counts.new + diff.counts.changed > 0 ? i.dryRun : i.nothingToDo}\n`);
    return EXIT.ok;
  }
  const outcome = await applyFigures(db, diff, { recordedBy: options.recordedBy, now: options.now });
  switch (outcome.kind) {
    case 'applied':
      io.stdout(`${i.applied(outcome.count, options.recordedBy)}\n`);
      return EXIT.ok;
    case 'nothing_to_do':
      io.stdout(`${i.nothingToDo}\n`);
      return EXIT.ok;
    case 'changed_meanwhile':
      io.stderr(`${i.changedMeanwhile(outcome.count)}\n`);
      return EXIT.refused;
    case 'refused':
      io.stderr(`${i.refusedAll}\n`);
      return EXIT.refused;
  }
}

async function importPlan(db: PlanDb, bytes: Buffer, options: ImportOptions, m: Messages, io: CliIo): Promise<number> {
  const p = m.exchange.import.plan;
  const reading = readPlanFile(bytes.toString('utf8'));
  if (!reading.ok) {
    if (reading.kind === 'json') io.stderr(`${p.invalidJson(reading.detail)}\n`);
    else io.stderr(`${[p.invalid(reading.issues.length), ...planFileIssueLines(reading.issues, m)].join('\n')}\n`);
    return EXIT.refused;
  }
  // Warnings come before anything is written, whatever happens next.
  if (reading.warnings.length > 0) {
    io.stderr(`${[p.warnings(reading.warnings.length), ...qualityWarningLines(reading.warnings, m)].join('\n')}\n`);
  }
  const outcome = await importPlanFile(db, reading, options);
  switch (outcome.kind) {
    case 'exists':
      io.stderr(`${p.exists(outcome.code)}\n`);
      return EXIT.refused;
    case 'strict_refused':
      io.stderr(`${p.strictRefused}\n`);
      return EXIT.refused;
    case 'dry_run':
      io.stdout(`${[p.wouldCreate, ...planSummaryLines(outcome.summary, m)].join('\n')}\n`);
      return EXIT.ok;
    case 'created':
      io.stdout(`${[...planSummaryLines(outcome.summary, m), p.created(outcome.summary.code)].join('\n')}\n`);
      return EXIT.ok;
  }
}
