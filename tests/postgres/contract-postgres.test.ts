import { openPostgresFactStore } from '../../bot/store/postgres/open-facts.ts';
import { type AnyRepository, describeRepositoryContract } from '../store/repository-contract.ts';
import { describePostgres, freshDatabase } from './support/database.ts';

describePostgres('the PostgreSQL backend', () => {
  describeRepositoryContract('PostgreSQL', async (dataset, options) => {
    const database = await freshDatabase();
    const stores: AnyRepository[] = [];
    const openOn = async (extra = {}) => {
      const opened = await openPostgresFactStore(database.url, () => dataset, { ...options, ...extra });
      if (!opened.ok) throw new Error(`could not open: ${opened.code}`);
      stores.push(opened.value.store);
      return opened.value.store;
    };
    const store = await openOn();
    return {
      store,
      reopen: async (extra) => {
        await store.close();
        return openOn(extra);
      },
      cleanup: async () => {
        for (const opened of stores) await opened.close();
        await database.drop();
      },
    };
  });
});
