import { resolve } from 'node:path';
import { z } from 'zod';
import { type Problem, problemsOfIssues } from '../facts/problem.ts';
import { LangSchema, SnowflakeSchema } from '../facts/schema/index.ts';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const positiveInt = z.coerce.number().int().positive();
const optionalSecret = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/** Every environment variable the program reads, with its default. The README's configuration table mirrors it. */
export const ConfigSchema = z.object({
  BRIEFING_DATA_DIR: z.string().min(1).default('./data'),
  BRIEFING_FOUR_EYES: flag.default(true),
  BRIEFING_LANG: LangSchema.optional(),
  BRIEFING_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DISCORD_TOKEN: optionalSecret,
  DISCORD_APPLICATION_ID: SnowflakeSchema.optional(),
  DISCORD_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  ANTHROPIC_API_KEY: optionalSecret,
  ANTHROPIC_MODEL: z.string().min(1).default('claude-haiku-5-5'),
  ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  BRIEFING_LLM_TIMEOUT_MS: positiveInt.default(8000),
  BRIEFING_LLM_USER_PER_HOUR: positiveInt.default(20),
  BRIEFING_LLM_GLOBAL_PER_MINUTE: positiveInt.default(30),
  BRIEFING_DIGEST_CATCHUP_HOURS: z.coerce.number().min(0).max(24).default(6),
});
export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Parses the environment; empty strings count as unset. Problems are listed one per variable. */
export function readConfig(
  env: NodeJS.ProcessEnv,
): { ok: true; config: Config } | { ok: false; problems: Problem[] } {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      problems: problemsOfIssues(parsed.error.issues),
    };
  }
  return { ok: true, config: { ...parsed.data, dataDir: resolve(parsed.data.BRIEFING_DATA_DIR) } };
}

const SECRET_KEYS = ['DISCORD_TOKEN', 'ANTHROPIC_API_KEY'] as const;

/** The secrets of a configuration, so logs can mask them wherever they appear. */
export const secretsOf = (config: Partial<Config>): string[] =>
  SECRET_KEYS.map((key) => config[key]).filter((value): value is string => Boolean(value));
