// Every page of the web app: its route, its Chinese name, the demo user who opens it, and how a page
// with parameters is reached (a link on another page, or the first row of a list). The every-page
// journeys (phone width, Chinese only) walk this list; `pages.test.ts` checks that every route in
// web/src/AppRoutes.tsx and web/src/pages/*/routes.tsx (and the registry's own routes) is here.
import type { Page } from 'playwright-core';
import { settled } from './app.ts';

/** The demo county's users (server/demo.ts; fixed passwords on the embedded database). */
export const DEMO_LOGINS = {
  county_admin: 'Demo@2021county',
  county_staff: 'Demo@2021county',
  township_staff: 'Demo@2021township',
  village_officer: 'Demo@2021village',
  dept_medical: 'Demo@2021dept',
  cadre: 'Demo@2021cadre',
  auditor: 'Demo@2021audit',
} as const;
export type DemoUsername = keyof typeof DEMO_LOGINS;

/** How to reach a page whose route has parameters, starting from another page (a concrete URL or an entry's path). */
export type Reach =
  /** Open `from` and follow the first link whose href matches `link`. */
  | { from: string; link: RegExp; via?: undefined }
  /** Open `from`, then each page linked from it matching `via`, until one links to `link`. */
  | { from: string; via: RegExp; link: RegExp }
  /** Open `from`, click the first table row and take the address it lands on. */
  | { from: string; rowClick: true };

export interface AppPage {
  /** The route path as written in the route files (`*` for the not-found page). */
  path: string;
  /** File-name-safe identifier (screenshots are `phone-<id>.png`). */
  id: string;
  /** The page's Chinese name (its menu label where it has one). */
  name: string;
  /** Who opens it; null for pages without a session (login, the public application form). */
  user: DemoUsername | null;
  /** A concrete address for a route without parameters that is not its path (e.g. the not-found page). */
  url?: string;
  /** For routes with parameters. */
  reach?: Reach;
  /** Outside the signed-in layout (no menu): public or phone-frame pages. */
  bare?: boolean;
}

export const APP_PAGES: readonly AppPage[] = [
  { path: '/login', id: 'login', name: '登录', user: null, bare: true },
  { path: '/apply', id: 'apply', name: '群众自主申报', user: null, bare: true },
  { path: '/visit', id: 'field-visit', name: '走访排查（手机）', user: 'cadre', bare: true },
  { path: '/', id: 'home', name: '工作台', user: 'county_staff' },
  { path: '/org', id: 'org', name: '组织机构', user: 'county_admin' },
  { path: '/users', id: 'users', name: '用户管理', user: 'county_admin' },
  { path: '/audit', id: 'audit', name: '审计日志', user: 'county_admin' },
  { path: '/account/password', id: 'change-password', name: '修改密码', user: 'auditor' },
  { path: '/help/:page?', id: 'help', name: '使用手册', user: 'village_officer', url: '/help' },
  { path: '*', id: 'not-found', name: '页面不存在', user: 'county_staff', url: '/no-such-page' },

  { path: '/registry', id: 'registry-search', name: '农户查询', user: 'county_staff' },
  {
    path: '/registry/households/:id',
    id: 'registry-household',
    name: '农户详情',
    user: 'county_staff',
    reach: { from: '/registry', rowClick: true },
  },
  { path: '/registry/new', id: 'registry-new', name: '新增农户', user: 'village_officer' },
  { path: '/registry/reviews', id: 'registry-reviews', name: '待审核变更', user: 'township_staff' },
  { path: '/registry/quality', id: 'registry-quality', name: '数据质量', user: 'county_staff' },
  {
    path: '/registry/quality/rule',
    id: 'registry-quality-rule',
    name: '数据质量问题户',
    user: 'county_staff',
    url: '/registry/quality/rule?rule=ELIMINATED_WITHOUT_CONTACT',
  },
  { path: '/registry/transfer', id: 'registry-transfer', name: '导入导出', user: 'county_staff' },

  { path: '/monitoring/clues', id: 'monitoring-clues', name: '线索清单', user: 'village_officer' },
  { path: '/petitions', id: 'petitions', name: '涉贫舆情信访', user: 'township_staff' },
  { path: '/petitions/zero', id: 'zero-petition', name: '零上访村', user: 'township_staff' },
  { path: '/monitoring/visit', id: 'monitoring-visit', name: '走访排查', user: 'village_officer' },
  { path: '/monitoring/warnings', id: 'monitoring-warnings', name: '预警清单', user: 'county_staff' },
  { path: '/monitoring/runs', id: 'monitoring-runs', name: '监测运行', user: 'county_admin' },
  { path: '/monitoring/feeds', id: 'monitoring-feeds', name: '部门数据', user: 'dept_medical' },
  { path: '/monitoring/params', id: 'monitoring-params', name: '政策参数', user: 'county_admin' },

  { path: '/cases', id: 'cases', name: '识别与消除事项', user: 'township_staff' },
  { path: '/cases/due', id: 'cases-due', name: '识别时限预警', user: 'township_staff' },
  { path: '/cases/zeroing', id: 'cases-zeroing', name: '动态清零', user: 'county_staff' },
  { path: '/cases/ledgers', id: 'cases-ledgers', name: '台账导出', user: 'county_staff' },
  {
    path: '/cases/:id',
    id: 'case-detail',
    name: '事项详情',
    user: 'township_staff',
    reach: { from: '/cases', link: /^\/cases\/\d+$/ },
  },
  {
    path: '/cases/:id/notice/:kind',
    id: 'case-notice',
    name: '公示打印',
    user: 'township_staff',
    reach: { from: '/cases', via: /^\/cases\/\d+$/, link: /^\/cases\/\d+\/notice\/publicity$/ },
  },

  { path: '/assistance/workspace', id: 'assistance-workspace', name: '我的帮扶户', user: 'cadre' },
  { path: '/assistance/obligations', id: 'assistance-obligations', name: '帮扶责任预警', user: 'township_staff' },
  { path: '/assistance/measures', id: 'assistance-measures', name: '帮扶措施台账', user: 'village_officer' },
  { path: '/assistance/pairings', id: 'assistance-pairings', name: '结对帮扶名单', user: 'township_staff' },
  { path: '/assistance/funds', id: 'assistance-funds', name: '应急救助基金', user: 'county_staff' },
  { path: '/assistance/subtypes', id: 'assistance-subtypes', name: '措施子项代码表', user: 'county_admin' },
  {
    path: '/assistance/households/:id',
    id: 'assistance-household',
    name: '帮扶户详情',
    user: 'cadre',
    reach: { from: '/assistance/workspace', link: /^\/assistance\/households\/\d+$/ },
  },

  { path: '/projects', id: 'projects', name: '项目库', user: 'county_staff' },
  { path: '/projects/funds', id: 'projects-funds', name: '衔接资金', user: 'county_staff' },
  { path: '/projects/checks', id: 'projects-checks', name: '资金规则校验', user: 'auditor' },
  { path: '/projects/deliberations', id: 'projects-deliberations', name: '四议两公开', user: 'village_officer' },

  { path: '/assets', id: 'assets', name: '资产台账', user: 'county_staff' },
  {
    path: '/assets/:id',
    id: 'asset-detail',
    name: '资产详情',
    user: 'county_staff',
    reach: { from: '/assets', link: /^\/assets\/\d+$/ },
  },

  { path: '/employment/jobs', id: 'employment-jobs', name: '务工就业台账', user: 'county_staff' },
  { path: '/employment/trainings', id: 'employment-trainings', name: '技能培训台账', user: 'township_staff' },
  { path: '/employment/workshops', id: 'employment-workshops', name: '扶贫车间', user: 'village_officer' },
  { path: '/posts', id: 'posts', name: '公益岗位', user: 'township_staff' },
  { path: '/insurance', id: 'insurance', name: '防贫保险', user: 'township_staff' },
  { path: '/microloans', id: 'microloans', name: '脱贫人口小额信贷', user: 'township_staff' },
  {
    path: '/social-assistance/uncovered',
    id: 'social-assistance-uncovered',
    name: '无劳动能力未纳入兜底保障的监测户',
    user: 'county_staff',
  },
  { path: '/relocation', id: 'relocation', name: '易地搬迁后续扶持', user: 'township_staff' },
  { path: '/consumer-assistance', id: 'consumer-assistance', name: '消费帮扶', user: 'county_admin' },
  { path: '/collective-economy', id: 'collective-economy', name: '村集体经济', user: 'township_staff' },
  { path: '/key-villages', id: 'key-villages', name: '重点帮扶村认定', user: 'county_staff' },
  { path: '/resident-teams', id: 'resident-teams', name: '驻村工作队', user: 'township_staff' },
  { path: '/social-pairing', id: 'social-pairing', name: '社会力量帮扶', user: 'county_staff' },
  { path: '/village-points', id: 'village-points', name: '积分制', user: 'village_officer' },

  { path: '/indicators/cockpit', id: 'indicators-cockpit', name: '指标驾驶舱', user: 'county_admin' },
  { path: '/indicators/entry', id: 'indicators-entry', name: '数据填报', user: 'village_officer' },
  { path: '/indicators/approvals', id: 'indicators-approvals', name: '上报审核', user: 'township_staff' },
  { path: '/indicators/targets', id: 'indicators-targets', name: '目标管理', user: 'county_staff' },
  { path: '/indicators/assessment', id: 'indicators-assessment', name: '考核评估', user: 'county_admin' },

  { path: '/analysis/whatif', id: 'analysis-whatif', name: '政策试算', user: 'county_staff' },
  { path: '/analysis/deprivation', id: 'analysis-deprivation', name: '多维剥夺分析', user: 'township_staff' },
];

/** Routes that only redirect to a page of the list (not visited on their own). */
export const REDIRECT_PATHS: readonly string[] = ['/monitoring', '/assistance', '/indicators', '/projects/library'];

/** The pages grouped by user, in list order, so a journey signs in once per user. */
export function pagesByUser(pages: readonly AppPage[] = APP_PAGES): Map<DemoUsername | null, AppPage[]> {
  const groups = new Map<DemoUsername | null, AppPage[]>();
  for (const p of pages) groups.set(p.user, [...(groups.get(p.user) ?? []), p]);
  return groups;
}

const pathOf = (baseUrl: string, url: string) => url.slice(baseUrl.length).split(/[?#]/)[0];

/** Hrefs of the page's links matching `pattern`, in document order, once each (after they appear). */
async function linksMatching(page: Page, pattern: RegExp, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const found = [...new Set(hrefs.filter((h) => pattern.test(h)))];
    if (found.length > 0 || Date.now() > deadline) return found;
    await page.waitForTimeout(200);
  }
}

/**
 * The concrete address (path) of a page for its user, whose session `page` already holds: its path,
 * its `url`, or for a route with parameters the address reached through `reach`. Throws when the demo
 * data offers no way there.
 */
export async function resolvePagePath(page: Page, baseUrl: string, entry: AppPage): Promise<string> {
  if (entry.url) return entry.url;
  if (!entry.reach) return entry.path;
  const reach = entry.reach;
  await page.goto(baseUrl + reach.from);
  if ('rowClick' in reach) {
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    const before = page.url();
    await row.click();
    await page.waitForURL((u) => u.toString() !== before);
    return pathOf(baseUrl, page.url());
  }
  // The page the link was read on has its data before the caller leaves it: a request it starts while the next
  // document loads is one chromium may never report ended, and the next page would never look settled.
  if (!reach.via) {
    const [href] = await linksMatching(page, reach.link, 10_000);
    if (!href) throw new Error(`${entry.path}: no link matching ${reach.link} on ${reach.from}`);
    await settled(page);
    return href;
  }
  for (const step of await linksMatching(page, reach.via, 10_000)) {
    await settled(page);
    await page.goto(baseUrl + step);
    const [href] = await linksMatching(page, reach.link, 3_000);
    await settled(page);
    if (href) return href;
  }
  throw new Error(`${entry.path}: no page linked from ${reach.from} (${reach.via}) links to ${reach.link}`);
}
