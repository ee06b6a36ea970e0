import type { FollowUpMemory } from '../commands/services.ts';
import type { AnswerSubject } from '../facts/answer/types.ts';

/** How long a question's subject carries over to the same reader's next question in the same channel. */
export const FOLLOW_UP_MS = 10 * 60_000;
/** Readers remembered at most; the oldest is forgotten first, so a flood cannot grow it without end. */
const MAX_READERS = 10_000;

/**
 * The subject of each reader's last question, per (user, channel), in memory, for `FOLLOW_UP_MS`. The clock is
 * the composition root's, so tests move it.
 */
export function createFollowUpMemory(now: () => number = Date.now, ttlMs = FOLLOW_UP_MS): FollowUpMemory {
  const last = new Map<string, { subject: AnswerSubject; at: number }>();
  const keyOf = (userId: string, channelId: string | undefined) => `${userId}\u0000${channelId ?? ''}`;
  return {
    recall(userId, channelId) {
      const key = keyOf(userId, channelId);
      const entry = last.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > ttlMs) {
        last.delete(key);
        return undefined;
      }
      return entry.subject;
    },
    remember(userId, channelId, subject) {
      const key = keyOf(userId, channelId);
      last.delete(key);
      if (subject.namedWords.length === 0) return;
      last.set(key, { subject, at: now() });
      if (last.size > MAX_READERS) last.delete(last.keys().next().value!);
    },
  };
}
