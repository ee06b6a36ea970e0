/** How much work the router takes on before it answers "busy" instead. */
export interface AdmissionLimits {
  /** Interactions being worked on and not yet acknowledged, at most. */
  maxActive: number;
  /** Interactions waiting for a turn, at most; one more is told at once that the bot is busy. */
  maxQueued: number;
  /** How long after its arrival an interaction may still start; later, it is told the bot is busy. */
  maxWaitMs: number;
}

export type Admission = { admitted: true; release(): void } | { admitted: false };

export interface AdmissionGate {
  /** Resolves when the interaction received at `receivedAt` may run, or as soon as it is clear it may not. */
  admit(receivedAt: number): Promise<Admission>;
  /** Interactions running (unacknowledged) and waiting, for logs. */
  load(): { active: number; queued: number };
}

interface Waiter {
  resolve(admission: Admission): void;
  timer: NodeJS.Timeout;
}

/**
 * A bounded queue in front of the handlers. A burst larger than the bot can answer within Discord's 3 seconds
 * would otherwise make every interaction late (each one's work runs before any reply leaves); instead the first
 * ones are answered and the rest are told promptly that the bot is busy. A slot is released as soon as its
 * interaction is acknowledged, so slow but deferred work (an LLM call) does not hold the queue.
 */
export function createAdmissionGate(limits: AdmissionLimits): AdmissionGate {
  let active = 0;
  const queue: Waiter[] = [];

  const grant = (): Admission => {
    active++;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        active--;
        pump();
      },
    };
  };

  const pump = () => {
    while (active < limits.maxActive && queue.length > 0) {
      const next = queue.shift()!;
      clearTimeout(next.timer);
      next.resolve(grant());
    }
  };

  return {
    admit(receivedAt) {
      if (active < limits.maxActive && queue.length === 0) return Promise.resolve(grant());
      const waitLeft = limits.maxWaitMs - (Date.now() - receivedAt);
      if (queue.length >= limits.maxQueued || waitLeft <= 0) return Promise.resolve({ admitted: false });
      return new Promise((resolve) => {
        const waiter: Waiter = {
          resolve,
          timer: setTimeout(() => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            resolve({ admitted: false });
          }, waitLeft),
        };
        queue.push(waiter);
      });
    },
    load: () => ({ active, queued: queue.length }),
  };
}

const IDLE_SAMPLES = 16;

/**
 * When Discord created each interaction, on this machine's clock: the time in its snowflake id, which is what
 * Discord's 3 seconds count from, including the time it spent in the gateway and in this process before its
 * handler ran. A clock that differs from Discord's would make every interaction look old (or new), so the
 * difference is learnt from interactions that arrive while the bot is idle (nothing running, nothing queued):
 * their delay is the clocks' difference plus the network's, the smallest of the last few is taken for it.
 */
export function createCreationClock(): (snowflakeTime: number, idle: boolean, now?: number) => number {
  const seen: number[] = [];
  return (snowflakeTime, idle, now = Date.now()) => {
    if (idle) {
      seen.push(now - snowflakeTime);
      if (seen.length > IDLE_SAMPLES) seen.shift();
    }
    const skew = seen.length ? Math.min(...seen) : 0;
    return Math.min(now, snowflakeTime + skew);
  };
}

/**
 * Hands out turns one per turn of the event loop. A handler's work is mostly synchronous (search, templating,
 * verification); run back to back, the work of a few dozen would hold the loop for a long while, and the
 * interactions still in the socket — to be answered, or told the bot is busy — would wait behind it. With one
 * turn each, the loop reads and acknowledges between any two pieces of work.
 */
export function createTurns(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const next = () => {
    // An immediate queued from inside one runs at the next turn, after the loop has polled for I/O.
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(next);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(next);
      }
    });
}
