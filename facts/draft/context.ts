import type { Entity } from '../schema/index.ts';
import type { ProposedEntity } from './types.ts';

type Known = Entity | ProposedEntity;

/**
 * Who "the company", "its shares" and "he said" refer to as the article goes on: the company of the last sentence
 * that named exactly one, else the one named most so far; and the last person named.
 */
export class ArticleContext {
  private readonly counts = new Map<string, number>();
  private lastCompany: string | undefined;
  private lastPerson: string | undefined;

  constructor(private readonly byId: ReadonlyMap<string, Known>) {}

  company(): string | undefined {
    if (this.lastCompany) return this.lastCompany;
    let best: string | undefined;
    for (const [id, count] of this.counts) if (!best || count > this.counts.get(best)!) best = id;
    return best;
  }

  person(): string | undefined {
    return this.lastPerson;
  }

  /** Takes in the entities one sentence named, in order. */
  see(ids: readonly string[]): void {
    const companies = [...new Set(ids.filter((id) => this.isCompany(id)))];
    for (const id of companies) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    if (companies.length === 1) this.lastCompany = companies[0];
    else if (companies.length > 1) this.lastCompany = undefined;
    const people = ids.filter((id) => this.byId.get(id)?.type === 'person');
    if (people.length) this.lastPerson = people.at(-1);
  }

  private isCompany(id: string): boolean {
    const type = this.byId.get(id)?.type;
    return type === 'company' || type === 'organization';
  }
}
