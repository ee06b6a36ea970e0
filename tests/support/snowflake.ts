/** Discord's epoch (2015-01-01T00:00:00.000Z), the zero of every snowflake timestamp. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

let increment = 0;
let lastNow = 0n;

/**
 * Returns a real Discord snowflake (17–19 digits). Without `timeMs` it is stamped now and strictly greater than
 * every earlier id made that way, so sorting by id sorts by creation; with `timeMs` it carries exactly that time.
 */
export function createSnowflake(timeMs?: number): string {
  increment = (increment + 1) % 4096;
  const sinceEpoch = BigInt(Math.max(0, Math.floor(timeMs ?? Date.now()) - DISCORD_EPOCH_MS));
  // Worker 1, process 0: the low 22 bits hold worker (5), process (5) and increment (12).
  let id = (sinceEpoch << 22n) | (1n << 17n) | BigInt(increment);
  if (timeMs === undefined) {
    // More than 4096 ids in one millisecond would wrap the increment; stay ordered anyway.
    if (id <= lastNow) id = lastNow + 1n;
    lastNow = id;
  }
  return id.toString();
}

/** Reads the creation time (ms since the Unix epoch) encoded in a snowflake. */
export function readSnowflakeTime(snowflake: string): number {
  return Number(BigInt(snowflake) >> 22n) + DISCORD_EPOCH_MS;
}

/** Compares two snowflakes numerically (they do not sort as strings when lengths differ). */
export function compareSnowflakes(a: string, b: string): number {
  const diff = BigInt(a) - BigInt(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
