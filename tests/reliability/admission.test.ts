import { describe, expect, it } from 'vitest';
import { type Admission, createAdmissionGate } from '../../bot/discord/admission.ts';

const settle = (admission: Promise<Admission>) =>
  Promise.race([admission, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 30))]);

describe('the admission gate in front of the handlers', () => {
  it('admits up to its limit at once, then queues, and lets the next one in when a slot is released', async () => {
    const gate = createAdmissionGate({ maxActive: 2, maxQueued: 5, maxWaitMs: 1000 });
    const [a, b] = await Promise.all([gate.admit(Date.now()), gate.admit(Date.now())]);
    expect(a!.admitted && b!.admitted).toBe(true);
    const third = gate.admit(Date.now());
    expect(await settle(third)).toBe('pending');
    expect(gate.load()).toEqual({ active: 2, queued: 1 });
    if (a?.admitted) a.release();
    // Releasing twice frees one slot only.
    if (a?.admitted) a.release();
    expect(await third).toMatchObject({ admitted: true });
    expect(gate.load()).toEqual({ active: 2, queued: 0 });
  });

  it('says no at once when the queue is full, or when the interaction arrived too long ago', async () => {
    const gate = createAdmissionGate({ maxActive: 1, maxQueued: 1, maxWaitMs: 1000 });
    await gate.admit(Date.now());
    const queued = gate.admit(Date.now());
    expect(await gate.admit(Date.now())).toEqual({ admitted: false });
    expect(await gate.admit(Date.now() - 5000)).toEqual({ admitted: false });
    expect(await settle(queued)).toBe('pending');
  });

  it('gives up on a queued interaction once it has waited its time, so it can still be told in time', async () => {
    const gate = createAdmissionGate({ maxActive: 1, maxQueued: 10, maxWaitMs: 100 });
    await gate.admit(Date.now());
    const started = Date.now();
    expect(await gate.admit(Date.now())).toEqual({ admitted: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(gate.load()).toEqual({ active: 1, queued: 0 });
  });
});
