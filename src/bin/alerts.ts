import './node-version.ts';
import { alertsCli, EXIT } from '../cli/alerts.ts';
import { describeConfigError, loadProxyUrl, problemsOf, ConfigError } from '../config/core.ts';
import { exitQuietlyOnBrokenPipe, loadDotEnv } from './process-setup.ts';
import { useProxy } from './proxy-setup.ts';
import { runMain } from './run-main.ts';

// `npm run alerts -- [--date YYYY-MM-DD] [--dry-run]`: see src/cli/alerts.ts.
exitQuietlyOnBrokenPipe();
runMain(async () => {
  loadDotEnv();
  try {
    useProxy(loadProxyUrl(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of problemsOf(error)) process.stderr.write(`plan-bot: ${describeConfigError(problem)}\n`);
    return EXIT.cannotStart;
  }
  return alertsCli(process.argv.slice(2));
}, EXIT.cannotStart);
