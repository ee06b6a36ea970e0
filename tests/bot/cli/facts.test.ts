import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../bot/cli/main.ts';
import { fakeIo } from '../../support/cli-io.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-cli-'));
  env = { BRIEFING_DATA_DIR: dir, LANG: 'C' };
});

const run = async (args: string[], input: string[] = []) => {
  const io = fakeIo(input, env);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

async function exported() {
  const { code, out } = await run(['facts', 'export']);
  expect(code).toBe(0);
  return JSON.parse(out) as {
    facts: Array<Record<string, unknown> & { id: string; text: { fr: string } }>;
    entities: unknown[];
  };
}

describe('briefing facts', () => {
  it('creates the store from the seed and exports every fact with its texts, sources and status', async () => {
    const data = await exported();
    expect(data.facts.length).toBeGreaterThanOrEqual(45);
    for (const fact of data.facts)
      expect(Object.keys(fact)).toEqual(expect.arrayContaining(['id', 'kind', 'text', 'sources', 'status']));
    expect(data.entities.length).toBeGreaterThan(20);
  });

  it('lists facts filtered by kind, entity and status, in the asked language', async () => {
    const { code, out } = await run([
      'facts',
      'list',
      '--kind',
      'figure',
      '--entity',
      'bitdeer',
      '--lang',
      'fr',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('266,7 millions de dollars');
    expect(out).not.toContain('Bitfarms a rapporté');
    const json = await run(['facts', 'list', '--json', '--status', 'draft']);
    expect(JSON.parse(json.out)).toEqual([]);
  });

  it('refuses an unknown filter value as a usage error', async () => {
    expect((await run(['facts', 'list', '--kind', 'rumour'])).code).toBe(2);
  });

  it('shows one fact in both languages, and says when there is none', async () => {
    const shown = await run(['facts', 'show', 'iren-microsoft-deal-value']);
    expect(shown.out).toContain('9,7 milliards de dollars');
    expect(shown.out).toContain('$9.7 billion');
    const missing = await run(['facts', 'show', 'no-such-fact']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no-such-fact');
  });

  it('round-trips an export through import without changing anything', async () => {
    const file = join(dir, 'export.json');
    await writeFile(file, JSON.stringify(await exported()));
    const imported = await run(['facts', 'import', file, '--actor', 'ana']);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/0 added, 0 updated, \d+ unchanged/);
  });

  it('imports a file that claims verified facts as drafts by the named actor, and needs that actor', async () => {
    const data = await exported();
    const claimed = {
      ...data.facts[0]!,
      id: 'claimed-verified',
      status: 'verified',
      verifiedBy: 'someone-else',
    };
    const file = join(dir, 'claimed.json');
    await writeFile(file, JSON.stringify({ facts: [claimed], entities: [] }));
    expect((await run(['facts', 'import', file])).code).toBe(2);
    expect((await run(['facts', 'import', file, '--actor', 'ana'])).code).toBe(0);
    const shown = JSON.parse((await run(['facts', 'show', 'claimed-verified', '--json'])).out);
    expect(shown).toMatchObject({ status: 'draft', createdBy: 'ana', version: 1 });
    expect(shown.verifiedBy).toBeUndefined();
  });

  it('shows old → new for every field and value an edit changed', async () => {
    const data = await exported();
    const fact = data.facts.find((item) => item.id === 'bitfarms-q3-2025-net-loss')! as unknown as {
      values: Array<{ value: number }>;
      text: { fr: string; en: string };
    };
    fact.values[0]!.value = 47e6;
    fact.text.en = 'Bitfarms posted a net loss of {netLoss} in Q3 2025, up from {priorNetLoss} in Q3 2024.';
    const file = join(dir, 'edit.json');
    await writeFile(file, JSON.stringify({ facts: [fact], entities: [] }));
    expect((await run(['facts', 'import', file, '--actor', 'ana'])).code).toBe(0);
    const { out } = await run(['facts', 'history', 'bitfarms-q3-2025-net-loss', '--lang', 'en']);
    expect(out).toContain('values.netLoss: $46 million @ 2025-Q3 → $47 million @ 2025-Q3');
    expect(out).toContain('text.en: Bitfarms reported a net loss of {netLoss}');
    expect(out).toContain('→ Bitfarms posted a net loss of {netLoss}');
    expect(out).toContain('status: verified → draft');
  });

  it('imports all or nothing, and names the file line of every problem', async () => {
    const data = await exported();
    data.facts.push({ ...data.facts[0]!, id: 'a-new-fact' });
    (data.facts[3] as unknown as { values: Array<{ unit: string }> }).values[0]!.unit = 'USDX';
    data.facts[5]!.text.fr = 'Un texte qui annonce 999 millions de dollars.';
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(data, null, 2));
    const before = await exported();
    const validated = await run(['facts', 'validate', file]);
    expect(validated.code).toBe(1);
    expect(validated.err).toMatch(new RegExp(`${file}:\\d+:\\d+ facts\\.3\\.values\\.0\\.unit`));
    expect(validated.err).toContain(
      'facts.5.text.fr: “999 millions de dollars” is none of the fact’s values',
    );
    const imported = await run(['facts', 'import', file, '--actor', 'ana']);
    expect(imported.code).toBe(1);
    expect(await exported()).toEqual(before);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{\n  "facts": [\n    {"id": }\n  ]\n}\n');
    const { code, err } = await run(['facts', 'validate', file]);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`${file}:3:\\d+`));
  });

  it('refuses to start on a corrupt store file and leaves it untouched', async () => {
    await exported();
    const snapshot = join(dir, 'facts.json');
    const corrupt = (await readFile(snapshot, 'utf8')).replace('"verified"', '"maybe"');
    await writeFile(snapshot, corrupt);
    const { code, err } = await run(['facts', 'list']);
    expect(code).toBe(1);
    expect(err).toContain(snapshot);
    expect(await readFile(snapshot, 'utf8')).toBe(corrupt);
  });

  it('traces a fact’s history: who created and verified it', async () => {
    const { code, out } = await run(['facts', 'history', 'bitdeer-q3-2025-net-loss', '--json']);
    expect(code).toBe(0);
    const entries = JSON.parse(out);
    expect(entries[0]).toMatchObject({ factId: 'bitdeer-q3-2025-net-loss', actor: 'seed' });
  });
});

describe('briefing verify', () => {
  it('exits 0 when every number is backed and 1 when one is not, with a readable report', async () => {
    const good = await run(
      ['verify', '--lang', 'fr'],
      ['Bitdeer a perdu 266,7 millions de dollars au T3 2025.'],
    );
    expect(good.code).toBe(0);
    expect(good.out).toContain('bitdeer-q3-2025-net-loss');
    const bad = await run(['verify', '--lang', 'en'], ['IREN lost $266.7 million.']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('misattributed');
  });

  it('answers one JSON line per input line, in order, and goes on past a malformed one', async () => {
    const lines = [
      '{"id":"a","lang":"en","text":"IREN signed a $9.7 billion deal with Microsoft."}\n',
      'not json\n',
      '{"id":"c","lang":"xx","text":"…"}\n',
      '{"id":"d","lang":"en","text":"It is $9.7 billion.","facts":["bitdeer-q3-2025-net-loss"]}\n',
    ];
    const { code, out } = await run(['verify', '--jsonl'], lines);
    expect(code).toBe(0);
    const results = out.split('\n').map((line) => JSON.parse(line));
    expect(results.map((r) => r.id)).toEqual(['a', null, 'c', 'd']);
    expect(results[0]).toMatchObject({
      ok: true,
      numbers: [{ status: 'verified', factId: 'iren-microsoft-deal-value', reason: 'match' }],
    });
    expect(results[1].error).toMatch(/JSON/);
    expect(results[2].error).toMatch(/lang/);
    expect(results[3]).toMatchObject({ ok: false, numbers: [{ status: 'unverified' }] });
  });
});

describe('briefing ask', () => {
  it('answers JSON lines with the contract fields', async () => {
    const { code, out } = await run(
      ['ask', '--jsonl'],
      ['{"id":"q","lang":"fr","question":"Quelle a été la perte nette de Bitdeer ?"}\n'],
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      id: 'q',
      answered: true,
      verified: true,
      mode: 'template',
      facts: expect.arrayContaining(['bitdeer-q3-2025-net-loss']),
    });
  });

  it('answers with the template and says so when asked for the LLM without a key', async () => {
    const { code, out } = await run([
      'ask',
      'How much is the IREN Microsoft deal worth?',
      '--lang',
      'en',
      '--mode',
      'llm',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('$9.7 billion');
    expect(out).toContain('LLM answer set aside: no LLM configured');
  });
});
