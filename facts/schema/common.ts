import { z } from 'zod';

/** The two languages every fact, answer and digest exists in. */
export const LangSchema = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof LangSchema>;
export const LANGS: readonly Lang[] = LangSchema.options;

/** A stable, readable identifier: lowercase words joined by hyphens, never reused. */
export const SlugSchema = z
  .string()
  .min(2)
  .max(80)
  // The message is the problem code (facts/problem.ts); locales word it.
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'badSlug' });

const nonEmpty = z.string().trim().min(1);

/** The same content in French and in English. */
export const BilingualTextSchema = z.strictObject({ fr: nonEmpty, en: nonEmpty });
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** A Discord id (snowflake): 17 to 20 digits. The one pattern for users, servers, channels and roles. */
export const SnowflakeSchema = z.string().regex(/^\d{17,20}$/);
export const isSnowflake = (value: string): boolean => SnowflakeSchema.safeParse(value).success;

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date();

/** An ISO 8601 timestamp with a time zone. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Who did something: a Discord user id, a console user, or `seed` for the embedded dataset. */
export const ActorSchema = z.string().trim().min(1).max(100);
