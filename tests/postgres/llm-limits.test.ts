import { afterEach, expect, it } from 'vitest';
import { createSharedLlmLimits } from '../../bot/store/postgres/llm-limits.ts';
import { createPool } from '../../bot/store/postgres/pool.ts';
import { describePostgres, freshDatabase } from './support/database.ts';

describePostgres('LLM limits shared by several processes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('counts the calls of every process against the bot-wide and the per-user budgets', async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const pools = [createPool(database.url), createPool(database.url)];
    for (const pool of pools) cleanups.push(() => pool.end());
    const [first, second] = pools.map((pool) =>
      createSharedLlmLimits(pool, { perUserPerHour: 2, globalPerMinute: 3, refreshMs: 60_000 }),
    );
    for (const limits of [first!, second!]) cleanups.push(() => limits.close());
    expect([first!.allow('alice'), first!.allow('bruno')]).toEqual([true, true]);
    await first!.refresh();
    await second!.refresh();
    // One call left for the whole bot, whichever process asks.
    expect(second!.allow('carla')).toBe(true);
    expect(second!.allow('dana')).toBe(false);
    await second!.refresh();
    await first!.refresh();
    expect(first!.allow('erin')).toBe(false);
  });

  it('refuses a user who spent their hour through another process', async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const pools = [createPool(database.url), createPool(database.url)];
    for (const pool of pools) cleanups.push(() => pool.end());
    const [first, second] = pools.map((pool) =>
      createSharedLlmLimits(pool, { perUserPerHour: 2, globalPerMinute: 100, refreshMs: 60_000 }),
    );
    for (const limits of [first!, second!]) cleanups.push(() => limits.close());
    expect([first!.allow('alice'), first!.allow('alice')]).toEqual([true, true]);
    expect(second!.allow('alice')).toBe(true);
    await first!.refresh();
    await second!.refresh();
    expect(second!.allow('alice')).toBe(false);
    expect(second!.allow('bruno')).toBe(true);
  });
});
