import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUAL_PAGES } from '#common/contracts/help.ts';
import { MANUAL_DIR } from './help.routes.ts';

// The user manual (docs/manual/) and its screenshots agree: every image a page names exists, every image
// is named by a page, and every image is one the browser journey e2e/manual.test.ts takes (so
// `npm run test:e2e` regenerates all of them).

const pages = readdirSync(MANUAL_DIR).filter((file) => file.endsWith('.md'));
const images = readdirSync(path.join(MANUAL_DIR, 'img')).filter((file) => file.endsWith('.png'));
const journey = readFileSync(path.join(MANUAL_DIR, '..', '..', 'e2e', 'manual.test.ts'), 'utf8');

function references(page: string): { images: string[]; links: string[] } {
  const text = readFileSync(path.join(MANUAL_DIR, page), 'utf8');
  return {
    images: [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
    links: [...text.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
  };
}

describe('the user manual', () => {
  it('has an index and one page per role, and no page the help route does not serve', () => {
    expect(pages.map((file) => file.replace(/\.md$/, '')).sort()).toEqual([...MANUAL_PAGES].sort());
  });

  it.each(pages)('%s: every screenshot it shows exists in docs/manual/img', (page) => {
    for (const image of references(page).images) {
      expect(image, page).toMatch(/^img\/[a-z0-9-]+\.png$/);
      expect(images, `${page} shows ${image}`).toContain(image.slice('img/'.length));
    }
  });

  it.each(pages)('%s: every link to another manual page resolves', (page) => {
    for (const link of references(page).links.filter((href) => !/^(https?:|\/)/.test(href))) {
      expect(pages, `${page} links ${link}`).toContain(link.replace(/#.*$/, ''));
    }
  });

  it('every role page shows at least one screenshot', () => {
    for (const page of pages.filter((file) => file !== 'README.md')) {
      expect(references(page).images.length, page).toBeGreaterThan(0);
    }
  });

  it('every image is shown by some page and taken by the browser journey', () => {
    const shown = new Set(pages.flatMap((page) => references(page).images.map((image) => image.slice('img/'.length))));
    for (const image of images) {
      expect(shown.has(image), `docs/manual/img/${image} is not shown by any page`).toBe(true);
      expect(journey, `e2e/manual.test.ts does not take ${image}`).toContain(`'${image.replace(/\.png$/, '')}'`);
    }
  });
});
