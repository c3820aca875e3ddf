import { EXIT, workspacesCli } from '../cli/workspaces.ts';
import { runMain } from './run-main.ts';

// `npm run workspaces [-- delete TEAM_ID [--yes]]`: see src/cli/workspaces.ts.
runMain(() => workspacesCli(process.argv.slice(2)), EXIT.config);
