import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The benchmark measures the bot as `npm start` runs it: compiled JavaScript under plain
 * node (`npm run bench` builds first). Run from source with tsx, it still works, and its
 * child processes then load tsx too. Either way a child is started like its parent.
 */
const runningFromSource = extname(fileURLToPath(import.meta.url)) === '.ts';

/** A file beside this module, compiled or source alike. */
export function sibling(name: string): string {
  return fileURLToPath(new URL(`./${name}${runningFromSource ? '.ts' : '.js'}`, import.meta.url));
}

/** Node flags a child needs to run the same kind of file as this process. */
export const CHILD_NODE_FLAGS: readonly string[] = runningFromSource ? ['--import', 'tsx'] : [];
