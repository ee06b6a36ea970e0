import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedFile } from './types.ts';

/** What a route handler answers; `body` undefined means no body (204). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Discord's JSON error body, e.g. `discordError(404, 10003, 'Unknown Channel')`. */
export function discordError(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

/** Reads the whole request body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a JSON body, or the `payload_json` and file parts of a multipart body (what discord.js sends with files). */
export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

/** Writes a reply; JSON bodies always carry `Content-Type: application/json` (discord.js needs it to parse them). */
export function sendReply(response: ServerResponse, reply: Reply): void {
  if (response.destroyed || response.headersSent) return;
  const headers = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  response
    .writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
    })
    .end(payload);
}
