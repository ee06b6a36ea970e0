import fc from 'fast-check';

/** A seed fact every fuzzed moderator command may target. */
const FACT = 'iren-microsoft-deal-value';

/** What users paste: mentions, masked links, markdown, invisible and right-to-left characters, emoji, figures. */
const PIECES = [
  '',
  ' ',
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<#123456789012345678>',
  '[click me](https://evil.example/login)',
  '[https://discord.com](https://evil.example)',
  '**bold** __under__ ~~strike~~',
  '`code` ```block```',
  '||spoiler||',
  '> quoted',
  '# Heading',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u200f',
  '\u2066',
  '\u0000',
  '\n',
  '🎉',
  '👩‍👩‍👧‍👦',
  '🇫🇷',
  '𝟗𝟕',
  'ℹ️',
  'عربي',
  'עברית',
  '6 543 210 $',
  '6,543,210 dollars',
  '6 543 210 millions de dollars',
  '9,7 milliards',
  '$9.7 billion',
  'IREN',
  'Microsoft',
  'Bitfarms',
  '{{id}}',
  '$t(errors:unexpected)',
  '</question>',
  ':',
  'facts:edit:x:1:en',
];

const nasty = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 10 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'x'.repeat(6000),
      '@everyone '.repeat(600),
      '6543210'.repeat(800),
      '\u200b'.repeat(6000),
      '🎉'.repeat(3000),
    ),
  },
);
const integerish = fc.oneof(fc.integer(), fc.integer({ min: 0, max: 5 }), fc.double(), nasty);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const oneOf = <T extends string>(...values: T[]) => fc.oneof(fc.constantFrom(...values), nasty);

/** Options as a test sends them: undefined ones are left out, as Discord leaves out options not given. */
const given = (options: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | number | boolean
  >;

export type Scenario =
  | { type: 'chat'; name: string; subcommand?: string; options: Record<string, string | number | boolean> }
  | { type: 'complete'; name: string; subcommand?: string; focused: string; value: string }
  | { type: 'modal'; customId: string; fields: Record<string, string> };

const chat =
  (name: string, subcommand?: string) =>
  (options: Record<string, unknown>): Scenario => ({
    type: 'chat',
    name,
    ...(subcommand ? { subcommand } : {}),
    options: given(options),
  });

export const scenarios: fc.Arbitrary<Scenario> = fc.oneof(
  fc.record({ question: nasty }).map(chat('ask')),
  fc.record({ query: nasty }).map(chat('fact')),
  fc.record({ speaker: nasty }).map(chat('quote')),
  fc.record({ value: oneOf('fr', 'en', 'auto') }).map(chat('lang')),
  fc.constant(chat('sources')({})),
  fc
    .record({
      id: nasty,
      kind: oneOf('figure', 'quote', 'event'),
      entities: maybe(nasty),
      as_of: maybe(nasty),
    })
    .map(chat('facts', 'add')),
  fc.record({ id: oneOf(FACT) }).map(chat('facts', 'edit')),
  fc.record({ id: oneOf(FACT), version: maybe(integerish) }).map(chat('facts', 'verify')),
  fc.record({ id: oneOf(FACT), reason: nasty }).map(chat('facts', 'retire')),
  fc.record({ id: oneOf(FACT) }).map(chat('facts', 'history')),
  fc
    .record({
      language: maybe(oneOf('fr', 'en', 'both')),
      digest_time: maybe(nasty),
      timezone: maybe(nasty),
      moderator_role: maybe(nasty),
      digest_channel: maybe(nasty),
      digest_mode: maybe(oneOf('template', 'llm')),
    })
    .map(chat('settings')),
  fc.record({ name: fc.constantFrom('fact', 'quote'), value: nasty }).map(
    ({ name, value }): Scenario => ({
      type: 'complete',
      name,
      focused: name === 'fact' ? 'query' : 'speaker',
      value,
    }),
  ),
  fc
    .record({ value: nasty })
    .map(({ value }): Scenario => ({ type: 'complete', name: 'settings', focused: 'timezone', value })),
  fc.record({ value: nasty }).map(
    ({ value }): Scenario => ({
      type: 'complete',
      name: 'facts',
      subcommand: 'edit',
      focused: 'id',
      value,
    }),
  ),
  fc
    .record({
      customId: fc.oneof(
        fc.constantFrom(
          `facts:edit:${FACT}:1:en`,
          `facts:edit:${FACT}:1:fr`,
          'facts:add:fuzz-fact:figure:en',
          'facts:add:fuzz-fact:quote:fr',
        ),
        nasty.map((text) => `facts:${text}`.slice(0, 100)),
        nasty.map((text) => text.slice(0, 100)),
      ),
      fields: fc.record({ text_fr: nasty, text_en: nasty, values: nasty, sources: nasty, details: nasty }),
    })
    .map(({ customId, fields }): Scenario => ({ type: 'modal', customId, fields })),
);

export interface Actor {
  moderator: boolean;
  locale: 'fr' | 'en-US' | 'en-GB' | 'ja';
  inDm: boolean;
}

export const actors: fc.Arbitrary<Actor> = fc.record({
  moderator: fc.boolean(),
  locale: fc.constantFrom<Actor['locale']>('fr', 'en-US', 'en-GB', 'ja'),
  inDm: fc.boolean(),
});
