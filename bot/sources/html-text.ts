import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Elements whose text is a paragraph of its own: the article keeps their breaks, so sentences never run together. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, figcaption, dt, dd';

/** The text of each block of an HTML fragment, in order; blocks inside blocks are read once, by the outer one. */
type Page = ReturnType<typeof parseHTML>['document'];

function blockText(document: Page): string[] {
  const blocks: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    if (element.parentElement?.closest(BLOCKS)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/**
 * An HTML page as article text: Readability (Firefox's reader view) over linkedom picks the article and drops
 * navigation, ads and footers; its blocks become paragraphs. A page Readability finds no article in is read whole.
 */
export { blockText };

export function htmlToText(html: string): { text: string; title?: string } {
  const { document } = parseHTML(html);
  // Readability is typed against the browser's DOM; linkedom's document has everything it reads.
  const article = new Readability(document as never).parse();
  const fragment = parseHTML(`<!doctype html><html><body>${article?.content ?? html}</body></html>`).document;
  const blocks = blockText(fragment);
  const title = article?.title?.trim() || undefined;
  // Readability keeps the headline in `title`; the body starts below it, so the title line leads the text once.
  const body = blocks[0] === title ? blocks.slice(1) : blocks;
  const text = [title, ...body].filter(Boolean).join('\n\n');
  return title ? { text, title } : { text };
}
