import './node-version.ts';
import { planCli } from '../cli/plan.ts';
import { exitQuietlyOnBrokenPipe, loadDotEnv } from './process-setup.ts';
import { runMain } from './run-main.ts';

// `npm run plan -- <text>`: see src/cli/plan.ts. Exit 2 if the bot itself cannot start.
exitQuietlyOnBrokenPipe();
runMain(async () => {
  loadDotEnv();
  return planCli(process.argv.slice(2));
}, 2);
