import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Anthropic from '@anthropic-ai/sdk';

/** A scripted answer to one POST /v1/messages. */
export type FakeAnthropicReply =
  /** A normal assistant turn: one text block, stop_reason 'end_turn'; usage is estimated when omitted. */
  | { text: string; usage?: { input_tokens?: number; output_tokens?: number }; model?: string }
  /** An API error in Anthropic's shape; `errorType` defaults from the status, 429 carries `retry-after` (1 s). */
  | {
      status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503 | 529;
      errorType?: string;
      message?: string;
      retryAfter?: number;
    }
  /** A slow server: waits, then answers `reply` (dropped if the client gives up or the fake closes). */
  | { delayMs: number; reply: FakeAnthropicReply }
  /** Any body, e.g. malformed JSON, with status 200 and `application/json` unless told otherwise. */
  | { raw: string; contentType?: string; status?: number }
  /** A refusal: stop_reason 'refusal', with the partial text if any. */
  | { refusal: true; text?: string };

/** One request the fake received. It holds the API key: never print a recorded request. */
export interface RecordedMessagesRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The key from `x-api-key`, or from `Authorization: Bearer` (what SDK 1.14 sends for `apiKey`). */
  apiKey: string | undefined;
  /** The parsed JSON body (model, system, messages, max_tokens...); `{}` when it was not JSON. */
  body: Partial<Anthropic.MessageCreateParamsNonStreaming>;
  time: number;
}

/** A running Messages API stand-in; pass `baseURL` to `new Anthropic({ apiKey, baseURL })`. */
export interface FakeAnthropic {
  /** 'http://127.0.0.1:PORT' with no '/v1': the SDK appends '/v1/messages' itself. */
  readonly baseURL: string;
  readonly requests: readonly RecordedMessagesRequest[];
  /** Answers every request the queue does not cover; the last call wins. */
  respondWith(reply: (request: RecordedMessagesRequest) => FakeAnthropicReply): void;
  /** Queues replies, used first and in order. */
  enqueue(...replies: FakeAnthropicReply[]): void;
  /** Closes pending delays, connections and the server. */
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'api_error',
  529: 'overloaded_error',
};

type Answer = { status: number; body: string; headers: Record<string, string> };

function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } };
}

function apiError(status: number, errorType: string | undefined, message: string): Answer {
  const type = errorType ?? ERROR_TYPES[status] ?? 'api_error';
  return json(status, {
    type: 'error',
    error: { type, message },
    request_id: `req_fake_${randomBytes(6).toString('hex')}`,
  });
}

/** A rough token count (4 characters a token), so usage looks plausible without a tokenizer. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function message(
  request: RecordedMessagesRequest,
  text: string,
  stop: 'end_turn' | 'refusal',
  reply?: { usage?: { input_tokens?: number; output_tokens?: number }; model?: string },
): Answer {
  const prompt = JSON.stringify([request.body.system ?? '', request.body.messages ?? []]);
  const body: Anthropic.Message = {
    id: `msg_fake_${randomBytes(8).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: reply?.model ?? String(request.body.model),
    content: text === '' && stop === 'refusal' ? [] : [{ type: 'text', text, citations: null }],
    stop_reason: stop,
    stop_sequence: null,
    stop_details: stop === 'refusal' ? { type: 'refusal', category: null, explanation: null } : null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: reply?.usage?.input_tokens ?? estimateTokens(prompt),
      output_tokens: reply?.usage?.output_tokens ?? estimateTokens(text),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      speed: null,
    },
  };
  return json(200, body);
}

/** Refuses what the real API refuses before any model runs: missing auth, version header or required fields. */
function validate(request: RecordedMessagesRequest, rawBody: string): Answer | undefined {
  const { headers, body } = request;
  if (!request.apiKey) return apiError(401, undefined, 'x-api-key header is required');
  if (!headers['anthropic-version']) return apiError(400, undefined, 'anthropic-version: header is required');
  if (Object.keys(body).length === 0 && rawBody.trim() !== '{}')
    return apiError(400, undefined, 'There was an error parsing the body of your request');
  if (typeof body.model !== 'string') return apiError(400, undefined, 'model: Field required');
  if (!Number.isInteger(body.max_tokens) || Number(body.max_tokens) < 1)
    return apiError(400, undefined, 'max_tokens: Field required');
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return apiError(400, undefined, 'messages: Field required');
  if ((body as { stream?: unknown }).stream)
    return apiError(400, undefined, 'fake Anthropic: streaming is not scripted');
  return undefined;
}

/** Options of `startFakeAnthropic`. */
export interface FakeAnthropicOptions {
  /** Same as calling `respondWith` right after start. */
  respondWith?: (request: RecordedMessagesRequest) => FakeAnthropicReply;
}

/** Starts a Messages API stand-in on 127.0.0.1 with a random port. */
export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const requests: RecordedMessagesRequest[] = [];
  const queue: FakeAnthropicReply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fallback = options.respondWith;

  const send = (response: ServerResponse, answer: Answer) => {
    if (response.destroyed || response.headersSent) return;
    const requestId = { 'request-id': `req_fake_${randomBytes(6).toString('hex')}` };
    response.writeHead(answer.status, { ...requestId, ...answer.headers }).end(answer.body);
  };

  const play = (response: ServerResponse, request: RecordedMessagesRequest, reply: FakeAnthropicReply) => {
    if ('delayMs' in reply) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        play(response, request, reply.reply);
      }, reply.delayMs);
      timers.add(timer);
      // The SDK aborts on its timeout: drop the pending answer with the connection.
      response.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    } else if ('raw' in reply) {
      send(response, {
        status: reply.status ?? 200,
        body: reply.raw,
        headers: { 'content-type': reply.contentType ?? 'application/json' },
      });
    } else if ('refusal' in reply) {
      send(response, message(request, reply.text ?? '', 'refusal'));
    } else if ('status' in reply) {
      const answer = apiError(
        reply.status,
        reply.errorType,
        reply.message ?? `fake ${ERROR_TYPES[reply.status] ?? 'error'}`,
      );
      if (reply.status === 429) answer.headers['retry-after'] = String(reply.retryAfter ?? 1);
      send(response, answer);
    } else {
      send(response, message(request, reply.text, 'end_turn', reply));
    }
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    let body: RecordedMessagesRequest['body'] = {};
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (parsed && typeof parsed === 'object') body = parsed;
    } catch {
      // Recorded as {}; validate() answers 400 like the real API.
    }
    const { headers } = incoming;
    const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    const apiKey = (headers['x-api-key'] as string | undefined) ?? bearer;
    const request = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      headers,
      apiKey,
      body,
      time: Date.now(),
    };
    if (request.method !== 'POST' || request.path !== '/v1/messages') {
      send(response, apiError(404, undefined, 'Not Found'));
      return;
    }
    requests.push(request);
    const invalid = validate(request, rawBody);
    if (invalid) {
      send(response, invalid);
      return;
    }
    const reply = queue.shift() ?? fallback?.(request);
    if (reply) play(response, request, reply);
    else send(response, apiError(500, undefined, 'fake Anthropic: no reply scripted for this request'));
  };
  // A reset connection must not become an unhandled rejection in the test process.
  const server = createServer(
    (incoming, response) => void handle(incoming, response).catch(() => response.destroy()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (reply) => {
      fallback = reply;
    },
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
