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

/** A Discord bot token's shape: the bot's id in base64, a timestamp, an HMAC, dot-separated. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}/g;
/** Shorter than this, a run of characters that begins a secret is too likely to be a word. */
const PREFIX = 8;

/**
 * Replaces every occurrence of a secret in a serialized line, wherever it hides (error messages, headers, URLs),
 * and any start of it at least 8 characters long (Discord echoes a cut-off token in some errors), and anything
 * shaped like a Discord token, configured or not.
 */
export const maskSecrets = (line: string, secrets: readonly string[]): string => {
  let masked = line.replace(TOKEN_LIKE, '[redacted]');
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    masked = masked.split(secret).join('[redacted]');
    if (secret.length < PREFIX) continue;
    for (
      let at = masked.indexOf(secret.slice(0, PREFIX));
      at !== -1;
      at = masked.indexOf(secret.slice(0, PREFIX), at + 1)
    ) {
      let end = at + PREFIX;
      while (end < masked.length && end - at < secret.length && masked[end] === secret[end - at]) end++;
      masked = `${masked.slice(0, at)}[redacted]${masked.slice(end)}`;
    }
  }
  return masked;
};

/**
 * Errors as name, message and stack. An error Discord answered (it has an HTTP status) is logged with its code and
 * request instead of a stack: the stack only walks discord.js's internals, and building it (through source maps)
 * costs more than the request itself when a burst makes many fail at once.
 */
const serializeError = (_key: string, value: unknown) => {
  if (!(value instanceof Error)) return value;
  const { status, code, method, url } = value as Error & Record<string, unknown>;
  if (typeof status === 'number')
    return { name: value.name, message: value.message, status, code, method, url };
  return { name: value.name, message: value.message, stack: value.stack };
};

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
