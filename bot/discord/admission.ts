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
