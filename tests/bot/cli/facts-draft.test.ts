import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../bot/cli/main.ts';
import { fakeIo } from '../../support/cli-io.ts';

const ENTRY = resolve(import.meta.dirname, '../../../bot/briefing.mjs');
const FIXTURE = resolve(import.meta.dirname, '../../facts/draft/fixtures/galaxy-helios-en.txt');

let dir: string;
let env: NodeJS.ProcessEnv;
let server: Server;
let base: string;
let article: string;

/** An article page as a news site serves it: navigation, the article, a footer and a cookie banner. */
const page = (
  paragraphs: string[],
) => `<!doctype html><html><head><title>Galaxy and CoreWeave</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets: BTC $99,000</a></nav>
<div class="cookie-banner">We use 3 cookies.</div>
<article><h1>Galaxy hands more of its Texas campus to CoreWeave</h1>
${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}
</article><footer>© 2025 Example News. 12 offices worldwide.</footer></body></html>`;

beforeAll(async () => {
  article = await readFile(FIXTURE, 'utf8');
  const paragraphs = article
    .split('\n\n')
    .slice(1)
    .map((text) => text.trim());
  server = createServer((request, response) => {
    if (request.url === '/article')
      response.writeHead(200, { 'content-type': 'text/html' }).end(page(paragraphs));
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-draft-'));
  env = { BRIEFING_DATA_DIR: dir, LANG: 'C' };
});

const run = async (args: string[]) => {
  const io = fakeIo([], env);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

interface Printed {
  drafts: Array<
    Record<string, unknown> & {
      id: string;
      values: Array<Record<string, unknown>>;
      duplicateOf: string | null;
    }
  >;
  skipped: Array<{ span: unknown; reason: string }>;
}

describe('briefing facts draft', () => {
  it('prints the documented JSON shape from the real entry, one draft per checkworthy sentence', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        ENTRY,
        'facts',
        'draft',
        FIXTURE,
        '--lang',
        'en',
        '--json',
        '--publisher',
        'Example News',
        '--date',
        '2025-11-18',
      ],
      { env: { ...process.env, ...env } },
    );
    const printed = JSON.parse(stdout) as Printed;
    expect(Object.keys(printed)).toEqual(['drafts', 'skipped']);
    for (const draft of printed.drafts) {
      expect(Object.keys(draft)).toEqual(
        expect.arrayContaining([
          'id',
          'kind',
          'entities',
          'newEntities',
          'values',
          'text',
          'needsTranslation',
          'sources',
          'span',
          'duplicateOf',
          'conflictsWith',
        ]),
      );
      expect(Object.keys(draft.text as object)).toEqual(['fr', 'en']);
      for (const value of draft.values)
        expect(Object.keys(value)).toEqual(
          expect.arrayContaining(
            value.kind === 'date'
              ? ['key', 'kind', 'date']
              : ['key', 'measure', 'value', 'unit', 'scale', 'qualifier'],
          ),
        );
    }
    const loan = printed.drafts.flatMap((draft) => draft.values).find((value) => value.value === 1.4e9);
    expect(loan).toMatchObject({ unit: 'USD', scale: 'billion', qualifier: 'exact' });
    expect((printed.drafts[0]!.sources as Array<{ publisher: string; date: string }>)[0]).toMatchObject({
      publisher: 'Example News',
      date: '2025-11-18',
    });
    expect(printed.skipped[0]?.reason).toBe('noFigure');
  });

  it('reads an HTML page served over http as its article only, not the menu, banner or footer', async () => {
    const { code, out } = await run(['facts', 'draft', `${base}/article`, '--lang', 'en', '--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Printed;
    const numbers = printed.drafts.flatMap((draft) => draft.values.map((value) => value.value ?? value.date));
    expect(numbers).toEqual(expect.arrayContaining([260, 800, 295e6, 29.15, 1.4e9]));
    expect(numbers).not.toContain(99000);
    expect(numbers).not.toContain(12);
    expect(numbers).not.toContain(3);
    expect((printed.drafts[0]!.sources as Array<{ url: string }>)[0]!.url).toBe(`${base}/article`);
  });

  it('reads Markdown without its markup', async () => {
    const file = join(dir, 'article.md');
    await writeFile(
      file,
      `# Galaxy and CoreWeave\n\n**Galaxy Digital** said its [Helios campus](https://example.org) holds *800 megawatts*.\n\n- Galaxy arranged a $1.4 billion project loan.\n`,
    );
    const { code, out } = await run(['facts', 'draft', file, '--lang', 'en', '--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Printed;
    expect(printed.drafts.map((draft) => (draft.span as { text: string }).text)).toEqual([
      'Galaxy Digital said its Helios campus holds 800 megawatts.',
      'Galaxy arranged a $1.4 billion project loan.',
    ]);
  });

  it('writes drafts as drafts by the actor, audited, nothing verified, and holds repeats back', async () => {
    const { code, out, err } = await run([
      'facts',
      'draft',
      FIXTURE,
      '--lang',
      'en',
      '--write',
      '--actor',
      'ana',
    ]);
    expect(code).toBe(0);
    // Every draft that repeats nothing is written, even one with a period-only word or a proposed measure.
    expect(err).toBe('');
    expect(out).toContain('8 drafts, 1 sentences skipped, 7 written.');
    expect(out).toContain('iren-microsoft-deal-value');
    const exported = JSON.parse((await run(['facts', 'export'])).out) as {
      facts: Array<{ id: string; status: string; createdBy: string; needsTranslation?: string }>;
      entities: Array<{ id: string; status?: string }>;
    };
    const written = exported.facts.filter((fact) => fact.createdBy === 'ana');
    expect(written.length).toBeGreaterThanOrEqual(6);
    for (const fact of written) {
      expect(fact.status).toBe('draft');
      expect(fact.needsTranslation).toBe('fr');
    }
    expect(written.map((fact) => fact.id)).not.toContain('iren-deal-value');
    expect(exported.entities.find((entity) => entity.id === 'coreweave')?.status).toBe('draft');
    const history = JSON.parse((await run(['facts', 'history', written[0]!.id, '--json'])).out) as Array<{
      actor: string;
      action: string;
    }>;
    expect(history).toEqual([expect.objectContaining({ actor: 'ana', action: 'create' })]);
    const verify = await run(['facts', 'show', written[0]!.id, '--json']);
    expect(JSON.parse(verify.out).verifiedBy).toBeUndefined();
  });

  it('refuses a missing language, a bad date, an unreachable address and --write without an actor, saying why', async () => {
    expect((await run(['facts', 'draft', FIXTURE])).err).toContain('--lang');
    const badDate = await run(['facts', 'draft', FIXTURE, '--lang', 'en', '--date', '18/11/2025']);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('YYYY-MM-DD');
    const noActor = await run(['facts', 'draft', FIXTURE, '--lang', 'en', '--write']);
    expect(noActor.code).toBe(2);
    expect(noActor.err).toContain('--actor');
    const missing = await run(['facts', 'draft', `${base}/gone`, '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('404');
    const french = await run(['facts', 'draft', join(dir, 'none.txt'), '--lang', 'fr', '--json']);
    expect(french.code).toBe(1);
  });
});
