// A process for the digest-log test: claims every date it is given, one by one, and prints what it got, or that
// the data folder was refused to it.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DigestLog } from '../../../bot/digest/digest-log.ts';

const [dir, owner, count, peers] = process.argv.slice(2);
// Start together: each worker says it is ready, then waits for the others, so their claims interleave.
await writeFile(join(dir!, `ready-${owner}`), '');
while ((await readdir(dir!)).filter((name) => name.startsWith('ready-')).length < Number(peers)) {
  await new Promise((resolve) => setTimeout(resolve, 2));
}
const opened = await DigestLog.open(dir!);
if (!opened.ok) {
  await writeFile(join(dir!, `done-${owner}`), '');
  process.stdout.write(JSON.stringify({ refused: opened.code }));
  process.exit(0);
}
const won: string[] = [];
for (let day = 1; day <= Number(count); day++) {
  const localDate = `2025-12-${String(day).padStart(2, '0')}`;
  const claims = await opened.value.claim(
    [{ guildId: '111111111111111111', localDate }],
    { id: owner!, pid: process.pid, host: 'worker' },
    new Date('2025-12-01T07:00:00Z'),
    60_000,
  );
  won.push(...claims.map((claim) => claim.localDate));
}
// Hold the folder until every worker has tried it: the refused one must have met a live holder.
while ((await readdir(dir!)).filter((name) => name.startsWith('done-')).length < Number(peers) - 1) {
  await new Promise((resolve) => setTimeout(resolve, 2));
}
process.stdout.write(JSON.stringify(won));
