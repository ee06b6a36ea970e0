// Another process for the concurrent-edit test: adds 1 to the counter of each fact, `count` times, on the shared
// database, retrying after each versionConflict with the version it then sees. Prints its conflicts.
import { openPostgresFactStore } from '../../../bot/store/postgres/open-facts.ts';

const [url, actor, count, ids] = process.argv.slice(2);
const opened = await openPostgresFactStore(url!, () => ({ facts: [], entities: [] }), {
  fourEyes: true,
  migrate: false,
});
if (!opened.ok) throw new Error(opened.code);
const { store } = opened.value;
let conflicts = 0;
for (let round = 0; round < Number(count); round++) {
  for (const id of ids!.split(',')) {
    for (;;) {
      const fact = store.getFact(id)!;
      const [value] = fact.values;
      if (value?.kind !== 'quantity') throw new Error(`${id} has no counter`);
      const edited = await store.edit(
        id,
        fact.version,
        { values: [{ ...value, value: value.value + 1 }] },
        actor!,
      );
      if (edited.ok) break;
      if (edited.code !== 'versionConflict')
        throw new Error(`${edited.code} ${JSON.stringify(edited.params)}`);
      conflicts++;
      await store.catchUp();
    }
  }
}
await store.close();
process.stdout.write(JSON.stringify({ conflicts }));
