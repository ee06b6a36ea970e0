/** Sliding-window limits on LLM calls: per user per hour, and for the whole bot per minute. */
export interface LlmLimits {
  /** Takes one call from both budgets if both have room; otherwise takes nothing and says no. */
  allow(askerId: string | undefined): boolean;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

export function createLlmLimits(
  perUserPerHour: number,
  globalPerMinute: number,
  now: () => number = Date.now,
): LlmLimits {
  const global: number[] = [];
  const perUser = new Map<string, number[]>();
  const prune = (times: number[], window: number, at: number) => {
    while (times.length && times[0]! <= at - window) times.shift();
  };
  return {
    allow(askerId) {
      const at = now();
      prune(global, MINUTE, at);
      const key = askerId ?? 'anonymous';
      const mine = perUser.get(key) ?? [];
      prune(mine, HOUR, at);
      if (global.length >= globalPerMinute || mine.length >= perUserPerHour) return false;
      global.push(at);
      mine.push(at);
      perUser.set(key, mine);
      return true;
    },
  };
}
