import { createHash } from 'node:crypto';
import { discordError, type Reply } from './http.ts';
import type { FakeDiscordFault, RecordedRequest, RequestMatcher } from './types.ts';

type RequestKey = Pick<RecordedRequest, 'method' | 'path' | 'query'>;

/** Discord's wording for the JSON error codes tests are likely to inject. */
const KNOWN_MESSAGES: Record<number, string> = {
  0: 'General error',
  10003: 'Unknown Channel',
  10008: 'Unknown Message',
  10062: 'Unknown interaction',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
};

const SERVER_ERRORS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Whether a request is selected by a matcher (a predicate, or method + exact path or pattern). */
export function matchRequest(matcher: RequestMatcher, request: RequestKey): boolean {
  if (typeof matcher === 'function') return matcher(request);
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.path === undefined) return true;
  return typeof matcher.path === 'string' ? matcher.path === request.path : matcher.path.test(request.path);
}

/** Faults waiting for their request; the first queued fault that matches is consumed. */
export class FaultQueue {
  readonly #entries: { matcher: RequestMatcher; fault: FakeDiscordFault }[] = [];

  add(matcher: RequestMatcher, fault: FakeDiscordFault, times: number): void {
    for (let i = 0; i < times; i++) this.#entries.push({ matcher, fault });
  }

  take(request: RequestKey): FakeDiscordFault | undefined {
    const index = this.#entries.findIndex((entry) => matchRequest(entry.matcher, request));
    return index < 0 ? undefined : this.#entries.splice(index, 1)[0]?.fault;
  }
}

/** The reply Discord gives for an error fault; delays are handled by the server instead. */
export function replyForFault(
  fault: Exclude<FakeDiscordFault, { delayMs: number }>,
  request: RequestKey,
): Reply {
  if (fault.status === 429) {
    const global = fault.global ?? false;
    const headers: Record<string, string> = {
      'retry-after': String(fault.retryAfter),
      'x-ratelimit-scope': global ? 'global' : 'user',
    };
    if (global) {
      headers['x-ratelimit-global'] = 'true';
    } else {
      // Bucket per method and route shape (ids masked), like Discord's opaque hashes.
      const shape = `${request.method} ${request.path.replace(/\d{16,20}/g, ':id')}`;
      headers['x-ratelimit-bucket'] = createHash('sha1').update(shape).digest('hex').slice(0, 16);
      headers['x-ratelimit-limit'] = '5';
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = (Date.now() / 1000 + fault.retryAfter).toFixed(3);
      headers['x-ratelimit-reset-after'] = String(fault.retryAfter);
    }
    const body = { message: 'You are being rate limited.', retry_after: fault.retryAfter, global };
    return { status: 429, body, headers };
  }
  if ('code' in fault) {
    const message = fault.message ?? KNOWN_MESSAGES[fault.code] ?? `${fault.status}: Error`;
    return discordError(fault.status, fault.code, message);
  }
  return discordError(fault.status, 0, `${fault.status}: ${SERVER_ERRORS[fault.status] ?? 'Server Error'}`);
}
