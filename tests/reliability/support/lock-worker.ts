// A process for the lock race: on each `open <dir> <name>` line it opens the fact store in that folder at once,
// adds a fact named after itself if it got it, and says `won` or the failure code; on `close` it closes it.
import { createInterface } from 'node:readline';
import { openStore } from '../../../bot/store/index.ts';
import type { FactRepository } from '../../../facts/store/index.ts';
import { makeDataset, makeNewFact } from '../../facts/store/factory.ts';

let open: FactRepository | undefined;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir, name] = line.split(' ');
  if (command === 'open') {
    const opened = await openStore(dir!, () => makeDataset(2), { fourEyes: false });
    if (!opened.ok) {
      process.stdout.write(`${opened.code}\n`);
      continue;
    }
    open = opened.value.store;
    const added = await open.add(makeNewFact(`written-by-${name}`), name!);
    process.stdout.write(added.ok ? 'won\n' : `${added.code}\n`);
  } else if (command === 'close') {
    await open?.close();
    open = undefined;
    process.stdout.write('closed\n');
  }
}
