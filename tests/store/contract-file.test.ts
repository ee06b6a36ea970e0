import { openStore } from '../../bot/store/index.ts';
import { openMemoryStore } from '../../facts/store/index.ts';
import { makeTempDir } from '../facts/store/factory.ts';
import { type AnyRepository, describeRepositoryContract } from './repository-contract.ts';

describeRepositoryContract('the file backend', async (dataset, options) => {
  const { dir, remove } = await makeTempDir();
  const stores: AnyRepository[] = [];
  const openIn = async (extra = {}) => {
    const opened = await openStore(dir, () => dataset, { ...options, ...extra });
    if (!opened.ok) throw new Error(`could not open: ${opened.code}`);
    stores.push(opened.value.store);
    return opened.value.store;
  };
  const store = await openIn();
  return {
    store,
    reopen: async (extra) => {
      await store.close();
      return openIn(extra);
    },
    cleanup: async () => {
      for (const opened of stores) await opened.close();
      await remove();
    },
  };
});

describeRepositoryContract('the memory backend', async (dataset, options) => {
  const store = openMemoryStore(() => dataset, options);
  return {
    store,
    // Memory keeps nothing past its process: a "restart" is the same store, which is what it promises.
    reopen: async () => store,
    cleanup: () => store.close(),
  };
});
