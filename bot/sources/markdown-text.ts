import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { blockText } from './html-text.ts';

/**
 * Markdown as plain text: marked renders it, and the rendered blocks are read back as paragraphs, so emphasis,
 * links and lists lose their markup without a regular expression guessing at it. The first heading is the title.
 */
export function markdownToText(markdown: string): { text: string; title?: string } {
  const html = marked.parse(markdown, { async: false });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = blockText(document);
  const heading = document.querySelector('h1, h2')?.textContent?.trim();
  return { text: blocks.join('\n\n'), ...(heading ? { title: heading } : {}) };
}
