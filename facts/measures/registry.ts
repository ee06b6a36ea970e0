import { z } from 'zod';
import { type Measure, MeasureSchema } from '../schema/index.ts';
import measures from '../seed/measures.json' with { type: 'json' };

/** What is wrong with a registry beyond each measure's schema: duplicate ids, opposites that name nothing or are one-sided. */
export function registryProblems(list: readonly Measure[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Measure>();
  list.forEach((measure, index) => {
    if (byId.has(measure.id)) problems.push(`measures.${index}.id: duplicate id "${measure.id}"`);
    byId.set(measure.id, measure);
  });
  list.forEach((measure, index) => {
    const { opposite, change } = measure;
    if (opposite && byId.get(opposite)?.opposite !== measure.id)
      problems.push(`measures.${index}.opposite: "${opposite}" must exist and name "${measure.id}" back`);
    if (change?.of && !byId.has(change.of))
      problems.push(`measures.${index}.change.of: unknown measure "${change.of}"`);
  });
  return problems;
}

const RegistrySchema = z.array(MeasureSchema).superRefine((list, ctx) => {
  for (const message of registryProblems(list)) ctx.addIssue({ code: 'custom', message });
});

let embedded: readonly Measure[] | undefined;

/** The embedded measure registry (`facts/seed/measures.json`), parsed once and frozen; an invalid one is a bug, so it throws. */
export function loadMeasures(): readonly Measure[] {
  if (!embedded) {
    const parsed = RegistrySchema.safeParse(measures);
    if (!parsed.success)
      throw new Error(`The embedded measure registry is invalid:\n${z.prettifyError(parsed.error)}`);
    embedded = Object.freeze(parsed.data.map((measure) => Object.freeze(measure)));
  }
  return embedded;
}
