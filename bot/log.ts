/** Structured log lines on stderr: an event code and its fields, never a secret. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  secrets: readonly string[];
  write?: (line: string) => void;
  now?: () => Date;
}

/** Replaces every occurrence of a secret in a serialized line, wherever it hides (error messages, headers, URLs). */
export const maskSecrets = (line: string, secrets: readonly string[]): string =>
  secrets.reduce(
    (masked, secret) => (secret.length >= 4 ? masked.split(secret).join('[redacted]') : masked),
    line,
  );

const serializeError = (_key: string, value: unknown) =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit =
    (level: LogLevel) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (RANK[level] < RANK[options.level]) return;
      const line = JSON.stringify({ at: now().toISOString(), level, event, ...fields }, serializeError);
      write(maskSecrets(line, options.secrets));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger({ level: 'silent', secrets: [] });
