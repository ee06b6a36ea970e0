import Anthropic, {
  APIConnectionTimeoutError,
  type APIError,
  AuthenticationError,
  InternalServerError,
  OverloadedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic.ts';

let fake: FakeAnthropic;
let client: Anthropic;

const ask = (content = 'Combien de mégawatts ?', sdk = client) =>
  sdk.messages.create({
    model: 'claude-test',
    max_tokens: 256,
    system: 'Answer from the facts only.',
    messages: [{ role: 'user', content }],
  });

beforeAll(async () => {
  fake = await startFakeAnthropic();
  client = new Anthropic({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0, timeout: 1000 });
});

afterAll(async () => {
  await fake.close();
});

describe('fake Anthropic with the real SDK', () => {
  it('returns a scripted text reply as a valid Message and records the request', async () => {
    fake.enqueue({ text: 'Environ 200 MW.', usage: { input_tokens: 12, output_tokens: 5 } });
    const reply = await ask('Combien ?');
    expect(reply.content).toEqual([{ type: 'text', text: 'Environ 200 MW.', citations: null }]);
    expect(reply.stop_reason).toBe('end_turn');
    expect(reply.usage).toMatchObject({ input_tokens: 12, output_tokens: 5 });
    expect(reply._request_id).toMatch(/^req_fake_/);
    const request = fake.requests.at(-1);
    expect(request?.path).toBe('/v1/messages');
    expect(request?.apiKey).toBe('test-key');
    expect(request?.body).toMatchObject({
      model: 'claude-test',
      max_tokens: 256,
      system: 'Answer from the facts only.',
    });
    expect(request?.body.messages).toEqual([{ role: 'user', content: 'Combien ?' }]);
  });

  it('answers from respondWith when the queue is empty, queue first', async () => {
    fake.respondWith((request) => ({ text: `echo: ${JSON.stringify(request.body.messages?.[0]?.content)}` }));
    fake.enqueue({ text: 'queued' });
    expect((await ask('a')).content[0]).toMatchObject({ text: 'queued' });
    expect((await ask('b')).content[0]).toMatchObject({ text: 'echo: "b"' });
  });

  it.each([
    [429, RateLimitError, 'rate_limit_error'],
    [529, OverloadedError, 'overloaded_error'],
    [500, InternalServerError, 'api_error'],
    [401, AuthenticationError, 'authentication_error'],
  ] as const)('turns a %i into the SDK error class with that status', async (status, ErrorClass, type) => {
    fake.enqueue({ status });
    const error = await ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).type).toBe(type);
  });

  it('sends retry-after on a 429, which the SDK honours when it retries', async () => {
    const retrying = new Anthropic({
      apiKey: 'test-key',
      baseURL: fake.baseURL,
      maxRetries: 1,
      timeout: 1000,
    });
    fake.enqueue({ status: 429, retryAfter: 0.2 }, { text: 'second try' });
    const started = Date.now();
    const reply = await ask('retry', retrying);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(reply.content[0]).toMatchObject({ text: 'second try' });
    expect(fake.requests.at(-1)?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('lets a slow reply hit the SDK timeout as APIConnectionTimeoutError', async () => {
    const impatient = new Anthropic({
      apiKey: 'test-key',
      baseURL: fake.baseURL,
      maxRetries: 0,
      timeout: 100,
    });
    fake.enqueue({ delayMs: 5000, reply: { text: 'too late' } });
    const started = Date.now();
    const error = await ask('slow', impatient).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('makes the SDK throw a SyntaxError on a malformed JSON body', async () => {
    fake.enqueue({ raw: '{"type":"message","content":[' });
    await expect(ask()).rejects.toThrow(SyntaxError);
  });

  it('returns a non-JSON body as a bare string the caller cannot use as a Message', async () => {
    fake.enqueue({ raw: 'upstream proxy error', contentType: 'text/plain' });
    const reply: unknown = await ask();
    expect(reply).toBe('upstream proxy error');
  });

  it('reports a refusal with stop_reason refusal and no content', async () => {
    fake.enqueue({ refusal: true });
    const reply = await ask();
    expect(reply.stop_reason).toBe('refusal');
    expect(reply.content).toEqual([]);
  });

  it('refuses a request without max_tokens as the API does, with a 400', async () => {
    const error = await client.messages
      .create({ model: 'claude-test', messages: [{ role: 'user', content: 'x' }] } as never)
      .catch((e: unknown) => e);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).apiMessage).toBe('max_tokens: Field required');
  });
});
