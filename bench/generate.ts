import type { Fact } from '../facts/schema/index.ts';
import { loadSeed } from '../facts/seed/index.ts';

/** A store of `count` valid facts: the seed's figures and events cloned under new ids, their values varied. */
export function generateFacts(count: number): {
  facts: Fact[];
  entities: ReturnType<typeof loadSeed>['entities'];
} {
  const seed = loadSeed();
  const templates = seed.facts.filter((fact) => fact.kind !== 'quote');
  const facts: Fact[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const factor = 1 + (i % 97) / 100;
    facts.push({
      ...template,
      id: `${template.id}-g${i}`,
      values: template.values.map((value) =>
        value.kind === 'quantity'
          ? { ...value, value: Number((value.value * factor).toPrecision(6)) }
          : value,
      ),
    });
  }
  return { facts, entities: seed.entities };
}
