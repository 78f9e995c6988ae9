import { describe, expect, it } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// Issue 14 item 4 (防贫保险) and item 1's leftover (公益岗位 page): the township opens the claims (共 N 条), the ledger
// exports, the households not insured this year are listed; a reported claim is paid from its household page and the
// toast says whether it reached 理赔收入; the posts page lists the people on posts.

const app = useBrowserApp();

describe('insurance: anti-poverty insurance and public-welfare posts', () => {
  it('claims → export → not insured → pay a reported claim on the household page; posts list', async () => {
    const { page, context } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'township_staff', 'Demo@2021township');
      await page.goto(`${app.server.baseUrl}/insurance?status=filed`);
      const total = page.locator('.ant-pagination-total-text').first();
      await total.waitFor();
      expect(await total.innerText()).toMatch(/共 [1-9]\d* 条/);
      const xlsx = await page.request.get(`${app.server.baseUrl}/api/insurance/claims/export.xlsx?status=paid`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      await page.getByRole('tab', { name: '应保未保' }).click();
      await page.getByTestId('insurance-uncovered').getByText('脱贫户').first().waitFor();
      await screenshot(page, 'insurance-uncovered');

      await page.getByRole('tab', { name: '理赔' }).click();
      await page.getByTestId('insurance-claims').locator('[data-testid^="household-link-"]').first().click();
      const section = page.getByTestId('insurance-section');
      await section.getByText('已报案').waitFor();
      await section.getByRole('button', { name: '赔付' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .locator('.ant-message')
        .getByText(/理赔收入/)
        .waitFor();
      await section.getByText('已赔付').waitFor();
      await screenshot(page, 'insurance-household');

      await page.goto(`${app.server.baseUrl}/posts`);
      await page.getByTestId('posts-hires').waitFor();
      expect(await page.locator('.ant-pagination-total-text').first().innerText()).toMatch(/共 [1-9]\d* 条/);
    } finally {
      await context.close();
    }
  });
});
