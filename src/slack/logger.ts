import { LogLevel, type Logger } from '@slack/bolt';

/**
 * Bolt's logger interface, writing one line per entry, with every secret blanked out.
 * Bolt and the Web API client log request details at debug level, and an error may
 * quote a header; redacting here keeps tokens out of logs whatever the level.
 */

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

// Slack token shapes, for secrets that reach a log without having been configured here.
const TOKEN_PATTERN = /\b(?:xox[abeprs]|xapp)-[\w-]+/g;

export interface LoggerOptions {
  level?: LogLevel;
  /** Exact values to blank out (tokens, signing secret). */
  secrets?: Array<string | undefined>;
  write?: (line: string) => void;
  name?: string;
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out.replace(TOKEN_PATTERN, '[redacted]');
}

export function createLogger(options: LoggerOptions = {}): Logger {
  let level = options.level ?? LogLevel.INFO;
  let name = options.name ?? 'plan-bot';
  // Short "secrets" would blank out ordinary words; real ones are long.
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));

  const log = (at: LogLevel, parts: unknown[]): void => {
    if (ORDER[at] < ORDER[level]) return;
    const text = parts.map(describe).join(' ');
    write(redact(`${new Date().toISOString()} ${at.toUpperCase()} [${name}] ${text}`, secrets));
  };

  return {
    debug: (...msg) => log(LogLevel.DEBUG, msg),
    info: (...msg) => log(LogLevel.INFO, msg),
    warn: (...msg) => log(LogLevel.WARN, msg),
    error: (...msg) => log(LogLevel.ERROR, msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
