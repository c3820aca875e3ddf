// `npm install` / `npm ci` in a checkout: compile, so `npm run plan` and `npm start` have dist/.
// A production install (`npm ci --omit=dev`) has no TypeScript and uses the dist/ it was shipped.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url).resolve('typescript');
} catch {
  console.log('plan-bot: TypeScript is not installed (production install): using the compiled dist/ as shipped.');
  process.exit(0);
}
const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(build.status ?? 1);
