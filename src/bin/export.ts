import { EXIT, exportCli } from '../cli/export.ts';
import { runMain } from './run-main.ts';

// `npm run export -- --format xlsx|csv|md|json [--plan CODE] [--year FY] [--out FILE]`: see src/cli/export.ts.
runMain(() => exportCli(process.argv.slice(2)), EXIT.config);
