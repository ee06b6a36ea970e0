import type { FakeDiscord, InteractionPayload, RecordedRequest } from '../../support/fake-discord.ts';

/** A member's Manage Server bit, as Discord sends it in `member.permissions`. */
export const MANAGE_GUILD = (1n << 5n).toString();

/** Longer soak runs (many more kills, questions, fuzz runs) only when asked: `BRIEFING_SOAK=1 npx vitest run`. */
export const SOAK = process.env.BRIEFING_SOAK === '1';

/** A message body as the bot sent it: a callback's `data`, an edit of the original, or a follow-up. */
export interface SentMessage {
  request: RecordedRequest;
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    footer?: { text: string };
    fields?: { name: string; value: string }[];
  }[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
}

/** Every REST request the bot made for one interaction: its callback, edits of its response and follow-ups. */
export const requestsFor = (fake: FakeDiscord, payload: InteractionPayload): RecordedRequest[] =>
  fake.requests.filter((request) => request.path.includes(payload.token));

/** The callback that acknowledged an interaction (what Discord's 3-second rule is about), if it was accepted. */
export const acknowledgement = (
  fake: FakeDiscord,
  payload: InteractionPayload,
): RecordedRequest | undefined =>
  requestsFor(fake, payload).find(
    (request) => request.method === 'POST' && request.path.endsWith('/callback') && request.status < 300,
  );

/** The messages the bot sent (or tried to send) for an interaction; modals and autocomplete answers are not messages. */
export function messagesFor(fake: FakeDiscord, payload: InteractionPayload): SentMessage[] {
  return requestsFor(fake, payload).flatMap((request): SentMessage[] => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.path.endsWith('/callback')) {
      // 4: a reply; 5: a deferral, whose message arrives later as an edit of the original.
      return body.type === 4 ? [{ request, ...(body.data as object) }] : [];
    }
    if (request.method === 'PATCH' || request.method === 'POST') return [{ request, ...body }];
    return [];
  });
}

/** What a reader sees of a message: its content and every text of its embeds. */
export const visibleText = (message: SentMessage): string =>
  [
    message.content ?? '',
    ...(message.embeds ?? []).flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text ?? '',
    ]),
  ]
    .filter(Boolean)
    .join('\n');

/** The claims of a message: its content and embed descriptions (not the source and date lines around them). */
export const claimText = (message: SentMessage): string[] =>
  [message.content ?? '', ...(message.embeds ?? []).map((embed) => embed.description ?? '')].filter(
    (text) => text.trim() !== '',
  );

/** A seeded pseudo-random generator (mulberry32), so a failing burst can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits until a condition holds, polling every 20 ms; rejects with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
