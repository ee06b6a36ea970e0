import { measureRoundTrips } from './discord-round-trip.ts';
import { measureStartup } from './discord-startup.ts';
import type { Bench } from './types.ts';

/**
 * The Discord transport's cost over its floors: `/ask` round trip through the real discord.js client against a
 * no-op command, and start-up and memory of `briefing bot` on 10 k facts against a bare discord.js client.
 */
export const bench: Bench = async () => [...(await measureRoundTrips()), ...(await measureStartup())];
