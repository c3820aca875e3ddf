/**
 * Runs a command-line entry point: the number it resolves to becomes the exit code, and an
 * error nobody expected becomes one line on stderr (no stack: it could quote a request).
 */
export function runMain(main: () => Promise<number>, crashCode: number): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`plan-bot: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = crashCode;
    },
  );
}
