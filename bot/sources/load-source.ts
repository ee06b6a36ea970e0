import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fail, ok, type Result } from '../../facts/result.ts';

/** A source as the drafter reads it: its text, and what the page itself says of its title and address. */
export interface LoadedSource {
  text: string;
  format: 'text' | 'markdown' | 'html';
  title?: string;
  url?: string;
}

const HTML_START = /^\s*(?:<!doctype html|<html[\s>])/i;
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** How the bytes are written: by the type a server sent or the file's extension, else by sniffing for a page. */
export function sourceFormat(name: string, body: string, contentType?: string): LoadedSource['format'] {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('html')) return 'html';
  if (type.includes('markdown')) return 'markdown';
  const extension = extname(new URL(name, 'file:///').pathname).toLowerCase();
  if (HTML_EXTENSIONS.has(extension)) return 'html';
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  return HTML_START.test(body) ? 'html' : 'text';
}

/** Turns the bytes into article text; the HTML and Markdown readers load only when a source needs them. */
export async function readSourceText(
  body: string,
  format: LoadedSource['format'],
): Promise<{ text: string; title?: string }> {
  if (format === 'html') return (await import('./html-text.ts')).htmlToText(body);
  if (format === 'markdown') return (await import('./markdown-text.ts')).markdownToText(body);
  return { text: body.replace(/\r\n?/g, '\n') };
}

const isUrl = (where: string) => /^https?:\/\//i.test(where);

/** Largest source read (a long article is ~100 kB of HTML); past it the source is refused rather than cut. */
export const MAX_SOURCE_BYTES = 5_000_000;

/** Fetches an http(s) source, with a time limit; a failure is a code naming the address, never a throw. */
async function fetchSource(url: string, timeoutMs: number): Promise<Result<{ body: string; type?: string }>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return fail('sourceUnreachable', { url, reason: String(response.status) });
    const body = await response.text();
    if (body.length > MAX_SOURCE_BYTES) return fail('sourceTooLarge', { file: url, max: MAX_SOURCE_BYTES });
    const type = response.headers.get('content-type') ?? undefined;
    return ok(type ? { body, type } : { body });
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return fail('sourceUnreachable', { url, reason });
  }
}

/** Reads a source from a file or an http(s) address, as article text. */
export async function loadSource(where: string, timeoutMs = 10_000): Promise<Result<LoadedSource>> {
  let body: string;
  let type: string | undefined;
  if (isUrl(where)) {
    const fetched = await fetchSource(where, timeoutMs);
    if (!fetched.ok) return fetched;
    ({ body, type } = fetched.value);
  } else {
    try {
      body = await readFile(where, 'utf8');
    } catch (error) {
      return fail('fileUnreadable', {
        file: where,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
    if (body.length > MAX_SOURCE_BYTES) return fail('sourceTooLarge', { file: where, max: MAX_SOURCE_BYTES });
  }
  const format = sourceFormat(where, body, type);
  const read = await readSourceText(body, format);
  return ok({ ...read, format, ...(isUrl(where) ? { url: where } : {}) });
}
