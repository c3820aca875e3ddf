/**
 * What every entry point does before reading its configuration. (The proxy is set up in
 * proxy-setup.ts: the CLI makes no connection and need not load undici, #14.)
 */

/**
 * Reads `.env` in the working folder, which the Slack setup steps have people create. A
 * variable already in the environment wins over the file (Node's own rule for env files), so
 * a supervisor or CI can still override one value. No file, nothing read.
 */
export function loadDotEnv(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new Error(`${path} could not be read (${(error as Error).message})`);
  }
}

/**
 * `npm run plan -- list | head` closes the pipe early; writing on then raises EPIPE, which
 * Node reports as an unhandled error with a stack trace. The reader has all it wanted: exit.
 */
export function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
