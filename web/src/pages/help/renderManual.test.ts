import { describe, expect, it } from 'vitest';
import { renderManual } from './renderManual.ts';

describe('the manual rendered for the help page', () => {
  it.each([
    ['[乡镇业务员](township-staff.md)', 'href="/help/township-staff"'],
    ['[目录](README.md)', 'href="/help/README"'],
    ['[第二节](./cadre.md#visit)', 'href="/help/cadre#visit"'],
    ['![线索清单](img/village-officer-clues.png)', 'src="/api/help/img/village-officer-clues.png"'],
    ['[接口文档](/api/docs)', 'href="/api/docs"'],
    ['[不在手册里](other.md)', 'href="other.md"'],
  ])('%s → %s', (markdown, expected) => {
    expect(renderManual(markdown)).toContain(expected);
  });

  it('renders headings, lists and tables', () => {
    const html = renderManual('# 标题\n\n1. 第一步\n2. 第二步\n\n| 列 | 值 |\n|---|---|\n| a | b |\n');
    expect(html).toContain('<h1>标题</h1>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<table>');
  });
});
