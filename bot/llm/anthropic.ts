import type Anthropic from '@anthropic-ai/sdk';
import type { LlmClient, LlmFailureCode, LlmResult } from '../../facts/answer/types.ts';

export interface AnthropicOptions {
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** The SDK also reads ANTHROPIC_BASE_URL itself; passed explicitly so tests and config agree. */
  baseURL?: string;
}

/** An HTTP status as the reason an answer fell back to the template. */
const codeForStatus = (status: number | undefined): LlmFailureCode => {
  if (status === 429) return 'llmRateLimited';
  if (status === 529) return 'llmOverloaded';
  return 'llmError';
};

type Sdk = typeof import('@anthropic-ai/sdk');

/**
 * Claude through the official SDK. No retries: a slow or failing call falls back to the template at once.
 * The SDK is loaded on the first call, so a bot without a key never pays for it at start-up.
 */
export function createAnthropicClient(options: AnthropicOptions): LlmClient {
  let loaded: Promise<{ sdk: Sdk; client: Anthropic }> | undefined;
  const load = () =>
    (loaded ??= import('@anthropic-ai/sdk').then((sdk) => ({
      sdk,
      client: new sdk.default({
        apiKey: options.apiKey,
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        timeout: options.timeoutMs,
        maxRetries: 0,
      }),
    })));
  return {
    async complete({ system, user, maxTokens }): Promise<LlmResult> {
      const { sdk, client } = await load();
      const { APIConnectionTimeoutError, APIError } = sdk;
      try {
        const message = await client.messages.create({
          model: options.model,
          max_tokens: maxTokens,
          system,
          messages: [{ role: 'user', content: user }],
        });
        if (message.stop_reason === 'refusal') return { ok: false, code: 'llmRefused' };
        const blocks = Array.isArray(message.content) ? message.content : [];
        const text = blocks
          .map((block) => (block.type === 'text' ? block.text : ''))
          .join('')
          .trim();
        if (!text) return { ok: false, code: 'llmMalformed' };
        return {
          ok: true,
          text,
          usage: {
            inputTokens: message.usage?.input_tokens ?? 0,
            outputTokens: message.usage?.output_tokens ?? 0,
          },
        };
      } catch (error) {
        if (error instanceof APIConnectionTimeoutError) return { ok: false, code: 'llmTimeout' };
        if (error instanceof APIError && error.status !== undefined) {
          return { ok: false, code: codeForStatus(error.status), status: error.status };
        }
        // A body that is not JSON, or a dropped connection: nothing usable came back.
        return { ok: false, code: error instanceof SyntaxError ? 'llmMalformed' : 'llmError' };
      }
    },
  };
}
