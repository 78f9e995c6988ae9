import { describe, it, expect } from 'vitest';
import { login, screenshot, useBrowserApp } from './support/app.ts';

// The foundation journey: sign in, find the county's townships (including a merged one),
// and see that the menu follows the role.

const app = useBrowserApp();

describe('foundation', () => {
  it('shows a Chinese error for a wrong password', async () => {
    const { context, page } = await app.desktop();
    try {
      await page.goto(`${app.server.baseUrl}/`);
      await page.waitForURL(/\/login$/);
      await page.getByRole('heading', { name: 'Guardline 防返贫监测帮扶平台' }).waitFor();
      await page.getByLabel('用户名', { exact: true }).fill('county_admin');
      await page.getByLabel('密码', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const error = page.getByTestId('login-error');
      await error.waitFor();
      const text = await error.innerText();
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toContain('密码');
      await screenshot(page, 'login-wrong-password');
      expect(page.url()).toMatch(/\/login$/);
    } finally {
      await context.close();
    }
  });

  it('lets the county admin browse the org tree, including a merged township', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'county_admin', 'Demo@2021county');
      await expect(page.getByTestId('header-unit').innerText()).resolves.toBe('沁水县');
      await expect(page.getByTestId('header-role').innerText()).resolves.toBe('县级管理员');
      await page.getByRole('menuitem', { name: '组织机构' }).click();
      await page.waitForURL(/\/org$/);

      const county = page.locator('.ant-tree-treenode', { has: page.locator('[data-org-code="140521000000"]') });
      await county.waitFor();
      const longgang = page.locator('[data-org-code="140521100000"]');
      if (!(await longgang.isVisible())) await county.locator('.ant-tree-switcher').click();
      await longgang.waitFor();
      await expect(longgang.innerText()).resolves.toContain('龙港镇');
      await expect(page.locator('[data-org-code="140521104000"]').innerText()).resolves.toContain('嘉峰镇');

      const fancunhe = page.locator('[data-org-code="140521200000"]');
      await fancunhe.scrollIntoViewIfNeeded();
      expect(await fancunhe.innerText()).toContain('樊村河乡');
      expect(await fancunhe.getAttribute('data-closed')).toBe('true');
      const closedTag = fancunhe.getByTestId('org-closed-tag');
      expect(await closedTag.innerText()).toMatch(/已撤并\s*→\s*龙港镇/);

      await fancunhe.click();
      await expect(page.getByTestId('org-detail').innerText()).resolves.toContain('樊村河乡');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'org-tree-county-admin');
    } finally {
      await context.close();
    }
  });

  it('hides user management from a village officer', async () => {
    const { context, page } = await app.desktop();
    try {
      await login(page, app.server.baseUrl, 'village_officer', 'Demo@2021village');
      const menu = page.locator('.ant-layout-sider .ant-menu');
      await menu.getByRole('menuitem', { name: '组织机构' }).waitFor();
      const labels = await menu.getByRole('menuitem').allInnerTexts();
      expect(labels.join('|')).not.toContain('用户管理');
      expect(labels.join('|')).not.toContain('审计日志');
      expect(labels.join('|')).toContain('农户台账');
      // Sign-in lands on 工作台; the org tree is one menu click away.
      await menu.getByRole('menuitem', { name: '组织机构' }).click();
      await page.locator('[data-org-code="140521100201"]').waitFor();
      await screenshot(page, 'village-officer-menu');
    } finally {
      await context.close();
    }
  });
});
