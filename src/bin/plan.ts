import { planCli } from '../cli/plan.ts';
import { runMain } from './run-main.ts';

// `npm run plan -- <text>`: see src/cli/plan.ts. Exit 2 if the bot itself cannot start.
runMain(() => planCli(process.argv.slice(2)), 2);
