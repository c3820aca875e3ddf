/**
 * A process that records figures as fast as it can and says so after each commit:
 *   node --import tsx test/crash/recorder.ts <database> <seed>
 * prints `ack <revision id> <figure id> <value>` once recordActual has returned, i.e. once
 * the transaction committed. The crash test kills it at a random moment and then checks
 * that every acknowledged revision is in the file.
 */
import { recordActual } from '../../src/store/figures.ts';
import { openDatabase } from '../../src/store/db.ts';
import { seededRandom } from '../support/random.ts';

const [path, seedText] = process.argv.slice(2);
if (!path) throw new Error('usage: recorder.ts <database> <seed>');
const random = seededRandom(Number(seedText ?? 1));

const db = openDatabase(path);
const figures = await db.selectFrom('yearly_figure').select(['id', 'indicator_id', 'fiscal_year']).execute();
process.stdout.write(`ready ${figures.length}\n`);

for (let n = 1; ; n++) {
  const figure = figures[Math.floor(random() * figures.length)]!;
  const value = Math.round(random() * 1_000_000) / 10;
  const saved = await recordActual(db, {
    indicatorId: figure.indicator_id,
    fiscalYear: figure.fiscal_year,
    value,
    provisional: false,
    recordedBy: 'U0CRASH',
    source: 'cli',
    note: `crash-test ${seedText} #${n}`,
    now: new Date(),
  });
  // Written to a pipe, which Node writes synchronously on Linux: once this returns, the
  // parent can read the line even if the process dies on the next instruction.
  process.stdout.write(`ack ${saved.revisionId} ${saved.figureId} ${value}\n`);
}
