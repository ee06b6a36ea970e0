/**
 * Search latency over a generated 10 000-fact index: `npx tsx tests/facts/search/bench-latency.ts [facts]`.
 * Prints build time, p50/p99 of `selectFacts` over varied questions, and upsert time. No assertions.
 */
import { performance } from 'node:perf_hooks';
import type { Entity, Fact } from '../../../facts/schema/index.ts';
import { createFactIndex, selectFacts } from '../../../facts/search/index.ts';
import { entities as baseEntities, facts as baseFacts, makeFact } from './fixtures.ts';

const total = Number(process.argv[2] ?? 10_000);
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const syllables = [
  'bit',
  'hash',
  'core',
  'volt',
  'chain',
  'mine',
  'grid',
  'flux',
  'nova',
  'terra',
  'quant',
  'data',
];
const companies: Entity[] = Array.from({ length: 600 }, (_, i) => {
  const name = `${pick(syllables)}${pick(syllables)} ${i}`.replace(/^./, (c) => c.toUpperCase());
  return { id: `company-${i}`, type: 'company', name: { fr: name, en: name }, aliases: { fr: [], en: [] } };
});
const people: Entity[] = Array.from({ length: 150 }, (_, i) => ({
  id: `person-${i}`,
  type: 'person',
  name: { fr: `Alex Person${i}`, en: `Alex Person${i}` },
  aliases: { fr: [`Person${i}`], en: [`Person${i}`] },
}));
const entities = [...baseEntities, ...companies, ...people];

const templates = [
  {
    fr: '{c} a publié une perte nette de {v} au T3 2025.',
    en: '{c} reported a net loss of {v} in Q3 2025.',
    key: 'netLoss',
  },
  {
    fr: 'Les revenus de {c} ont atteint {v} au T2 2025.',
    en: '{c} revenue reached {v} in Q2 2025.',
    key: 'revenue',
  },
  {
    fr: '{c} a signé un accord de {v} avec un hébergeur d’IA.',
    en: '{c} signed a {v} deal with an AI host.',
    key: 'dealValue',
  },
  { fr: '{c} a miné {v} en juillet 2025.', en: '{c} mined {v} in July 2025.', key: 'mined' },
  {
    fr: 'L’action {c} a chuté de {v} après ses résultats.',
    en: '{c} shares fell {v} after its results.',
    key: 'drop',
  },
  { fr: '{c} détient {v} dans sa trésorerie.', en: '{c} holds {v} in its treasury.', key: 'held' },
];

function generatedFact(i: number): Fact {
  const company = pick(companies);
  if (i % 10 === 0) {
    const person = pick(people);
    return makeFact({
      id: `generated-quote-${i}`,
      kind: 'quote',
      entities: [person.id, company.id],
      quote: { speaker: person.id, original: 'en' },
      text: {
        fr: `La conversion vers le HPC chez ${company.name.fr} est notre meilleure opportunité, ${i}.`,
        en: `The conversion to HPC at ${company.name.en} is our best opportunity, ${i}.`,
      },
    });
  }
  const template = pick(templates);
  const fill = (text: string) => text.replace('{c}', company.name.en).replace('{v}', `{${template.key}}`);
  return makeFact({
    id: `generated-fact-${i}`,
    entities: [company.id],
    values: [
      {
        key: template.key,
        kind: 'quantity',
        value: Math.round(random() * 900) * 1e6,
        unit: 'USD',
        scale: 'million',
      },
    ],
    text: { fr: fill(template.fr), en: fill(template.en) },
  });
}

const facts = [...baseFacts, ...Array.from({ length: total - baseFacts.length }, (_, i) => generatedFact(i))];
const questions: Array<[string, 'fr' | 'en']> = [
  ['How much is the IREN Microsoft deal worth?', 'en'],
  ['Quelle perte nette Bitfarms a-t-elle publiée au T3 2025 ?', 'fr'],
  ['How many bitcoins did Bitfarms mine in Q3?', 'en'],
  ["Combien d'entités publiques détiennent du bitcoin ?", 'fr'],
  ['What share of the Bitcoin supply do public entities hold?', 'en'],
  ['Quel est le montant du fonds de Bitfury ?', 'fr'],
  ['When was the GENIUS Act passed?', 'en'],
  ["Qu'a prédit Charles Hoskinson ?", 'fr'],
  ['What is the capital of Australia?', 'en'],
  ['Quelle est la météo à Paris ?', 'fr'],
  [`What net loss did ${companies[7]!.name.en} report?`, 'en'],
  ['Which miners signed AI deals?', 'en'],
  [`Qu'a dit Person12 ?`, 'fr'],
];

let start = performance.now();
const index = createFactIndex(facts, entities);
const buildMs = performance.now() - start;

// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const timings: number[] = [];
const cpuTimings: number[] = [];
for (let round = 0; round < 40; round++) {
  for (const [question, lang] of questions) {
    start = performance.now();
    const cpu = process.cpuUsage();
    selectFacts(index, question, lang);
    const used = process.cpuUsage(cpu);
    cpuTimings.push((used.user + used.system) / 1000);
    timings.push(performance.now() - start);
  }
}
const percentileOf = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return (p: number) =>
    Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
};
const percentile = percentileOf(timings);
const cpuPercentile = percentileOf(cpuTimings);

start = performance.now();
for (let i = 0; i < 200; i++) index.upsert({ ...facts[i + 50]!, version: 2 });
const upsertMs = (performance.now() - start) / 200;

console.log(
  JSON.stringify({
    facts: index.size(),
    entities: entities.length,
    buildMs: Math.round(buildMs),
    queries: timings.length,
    p50Ms: percentile(50),
    p90Ms: percentile(90),
    p99Ms: percentile(99),
    cpuP50Ms: cpuPercentile(50),
    cpuP99Ms: cpuPercentile(99),
    upsertMs: Number(upsertMs.toFixed(3)),
  }),
);
