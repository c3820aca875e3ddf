import { alertsCli, EXIT } from '../cli/alerts.ts';
import { runMain } from './run-main.ts';

// `npm run alerts -- [--date YYYY-MM-DD] [--dry-run]`: see src/cli/alerts.ts.
runMain(() => alertsCli(process.argv.slice(2)), EXIT.cannotStart);
