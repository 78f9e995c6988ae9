import { Marked, type Token } from 'marked';
import { MANUAL_PAGES } from '#common/contracts/help.ts';

// The manual's markdown (docs/manual/*.md) as HTML for the help page. The files link to each other as
// `county-admin.md` and to screenshots as `img/<name>.png`, so they read the same on disk; here those
// become the app's /help/<page> route and the /api/help/img/<name>.png the server sends.

function appHref(href: string): string {
  const page = /^(?:\.\/)?([A-Za-z-]+)\.md(#.*)?$/.exec(href);
  if (page && MANUAL_PAGES.includes(page[1]!)) return `/help/${page[1]}${page[2] ?? ''}`;
  const image = /^(?:\.\/)?img\/([a-z0-9-]+\.png)$/.exec(href);
  if (image) return `/api/help/img/${image[1]}`;
  return href;
}

const marked = new Marked({
  async: false,
  gfm: true,
  walkTokens(token: Token) {
    if (token.type === 'link' || token.type === 'image') token.href = appHref(token.href);
  },
});

/** The manual is the project's own text (not user input), so its HTML is trusted. */
export function renderManual(markdown: string): string {
  return marked.parse(markdown) as string;
}
