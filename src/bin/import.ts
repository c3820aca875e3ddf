import { EXIT, importCli } from '../cli/import.ts';
import { runMain } from './run-main.ts';

// `npm run import -- FILE [--dry-run] [--strict] [--by NAME]`: see src/cli/import.ts.
runMain(() => importCli(process.argv.slice(2)), EXIT.config);
