import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FundProjectionScreenOutlined,
  HeartOutlined,
  HomeOutlined,
  ToolOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Tooltip, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '#common/domain/roles.ts';
import type { MessageKey } from '../i18n/messages.zh.ts';

interface ModuleEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Built modules name the permission that shows them; modules still being built have none. */
  permission?: Permission;
  /** Pages of a module, each shown when the actor holds any of its permissions. */
  children?: { path: string; label: MessageKey; anyOf: Permission[] }[];
}

// One entry per module, in the order county staff work through them.
const MODULES: ModuleEntry[] = [
  // 工作台: every role (all hold org:read) starts here.
  { path: '/', label: 'menu.home', icon: <DashboardOutlined />, permission: 'org:read' },
  { path: '/org', label: 'menu.org', icon: <ApartmentOutlined />, permission: 'org:read' },
  {
    path: 'registry',
    label: 'menu.registry',
    icon: <HomeOutlined />,
    permission: 'registry:read',
    children: [
      { path: '/registry', label: 'menu.registrySearch', anyOf: ['registry:read'] },
      { path: '/registry/reviews', label: 'menu.registryReviews', anyOf: ['registry:review'] },
      { path: '/registry/quality', label: 'menu.registryQuality', anyOf: ['registry:read'] },
      { path: '/registry/transfer', label: 'menu.registryTransfer', anyOf: ['registry:import', 'registry:export'] },
    ],
  },
  {
    // No module-wide permission: cadres see only 走访排查, department users only 部门数据.
    path: 'monitoring',
    label: 'menu.monitoring',
    icon: <AlertOutlined />,
    children: [
      { path: '/monitoring/clues', label: 'menu.monitoringClues', anyOf: ['clues:read'] },
      { path: '/monitoring/visit', label: 'menu.monitoringVisit', anyOf: ['visits:write'] },
      { path: '/petitions', label: 'menu.monitoringPetitions', anyOf: ['clues:read'] },
      { path: '/petitions/zero', label: 'menu.monitoringZeroPetition', anyOf: ['clues:read'] },
      { path: '/monitoring/warnings', label: 'menu.monitoringWarnings', anyOf: ['monitoring:read'] },
      { path: '/monitoring/runs', label: 'menu.monitoringRuns', anyOf: ['monitoring:read'] },
      { path: '/monitoring/feeds', label: 'menu.monitoringFeeds', anyOf: ['feeds:read'] },
      { path: '/monitoring/params', label: 'menu.monitoringParams', anyOf: ['params:read'] },
    ],
  },
  {
    path: 'cases',
    label: 'menu.cases',
    icon: <FileSearchOutlined />,
    permission: 'cases:read',
    children: [
      { path: '/cases', label: 'menu.casesList', anyOf: ['cases:read'] },
      { path: '/cases/due', label: 'menu.casesDue', anyOf: ['cases:read'] },
      { path: '/cases/zeroing', label: 'menu.casesZeroing', anyOf: ['cases:read'] },
      { path: '/cases/ledgers', label: 'menu.casesLedgers', anyOf: ['cases:export'] },
    ],
  },
  {
    // 帮扶: a paired cadre sees his workspace; staff the board, ledger and funds.
    path: 'assistance',
    label: 'menu.assistance',
    icon: <HeartOutlined />,
    children: [
      { path: '/assistance/workspace', label: 'menu.assistanceWorkspace', anyOf: ['assistance:read'] },
      { path: '/assistance/obligations', label: 'menu.assistanceObligations', anyOf: ['assistance:read'] },
      { path: '/assistance/measures', label: 'menu.assistanceMeasures', anyOf: ['assistance:read'] },
      { path: '/assistance/pairings', label: 'menu.assistancePairings', anyOf: ['pairing:manage'] },
      { path: '/assistance/funds', label: 'menu.assistanceFunds', anyOf: ['relief:read'] },
      { path: '/assistance/subtypes', label: 'menu.assistanceSubtypes', anyOf: ['assistance:read'] },
    ],
  },
  {
    // No module-wide permission: line departments see the library only, village officers no funds.
    path: 'projects',
    label: 'menu.projects',
    icon: <FundProjectionScreenOutlined />,
    children: [
      { path: '/projects', label: 'menu.projectsLibrary', anyOf: ['projects:read'] },
      { path: '/projects/funds', label: 'menu.projectsFunds', anyOf: ['funds:read'] },
      { path: '/projects/checks', label: 'menu.projectsChecks', anyOf: ['funds:read'] },
      { path: '/projects/deliberations', label: 'menu.projectsDeliberations', anyOf: ['deliberation:read'] },
    ],
  },
  {
    // 就业与培训 (沁发〔2021〕17号 §二(三)2): jobs, training, workshops of assisted households.
    path: 'employment',
    label: 'menu.employment',
    icon: <ToolOutlined />,
    permission: 'assistance:read',
    children: [
      { path: '/employment/jobs', label: 'menu.employmentJobs', anyOf: ['assistance:read'] },
      { path: '/employment/trainings', label: 'menu.employmentTrainings', anyOf: ['assistance:read'] },
      { path: '/employment/workshops', label: 'menu.employmentWorkshops', anyOf: ['assistance:read'] },
    ],
  },
  {
    // Programme ledgers (issue 14): 公益岗位 (沁发〔2021〕17号 §二(三)2 四是).
    path: 'programmes',
    label: 'menu.programmes',
    icon: <ToolOutlined />,
    permission: 'programmes:read',
    children: [
      { path: '/posts', label: 'menu.programmesPosts', anyOf: ['programmes:read'] },
      { path: '/insurance', label: 'menu.programmesInsurance', anyOf: ['programmes:read'] },
      { path: '/microloans', label: 'menu.programmesMicroloans', anyOf: ['programmes:read'] },
      { path: '/social-assistance/uncovered', label: 'menu.programmesSocialUncovered', anyOf: ['assistance:read'] },
      { path: '/relocation', label: 'menu.programmesRelocation', anyOf: ['programmes:read'] },
      { path: '/key-villages', label: 'menu.programmesKeyVillages', anyOf: ['programmes:read'] },
      { path: '/resident-teams', label: 'menu.programmesResidentTeams', anyOf: ['programmes:read'] },
      { path: '/social-pairing', label: 'menu.programmesSocialPairing', anyOf: ['programmes:read'] },
      { path: '/consumer-assistance', label: 'menu.programmesConsumer', anyOf: ['programmes:read'] },
      { path: '/collective-economy', label: 'menu.programmesCollective', anyOf: ['programmes:read'] },
      { path: '/village-points', label: 'menu.programmesPoints', anyOf: ['programmes:read'] },
    ],
  },
  {
    path: 'assets',
    label: 'menu.assets',
    icon: <DatabaseOutlined />,
    permission: 'assets:read',
    children: [{ path: '/assets', label: 'menu.assetsLedger', anyOf: ['assets:read'] }],
  },
  {
    path: 'indicators',
    label: 'menu.indicators',
    icon: <BarChartOutlined />,
    permission: 'indicators:read',
    children: [
      { path: '/indicators/cockpit', label: 'menu.indicatorsCockpit', anyOf: ['indicators:read'] },
      { path: '/indicators/entry', label: 'menu.indicatorsEntry', anyOf: ['indicators:enter'] },
      {
        path: '/indicators/approvals',
        label: 'menu.indicatorsApprovals',
        anyOf: ['indicators:approve', 'indicators:enter'],
      },
      { path: '/indicators/targets', label: 'menu.indicatorsTargets', anyOf: ['indicators:read'] },
      { path: '/indicators/assessment', label: 'menu.indicatorsAssessment', anyOf: ['indicators:read'] },
    ],
  },
  {
    // 分析研判 (issue 19): policy what-if and the multidimensional deprivation view.
    path: 'analysis',
    label: 'menu.analysis',
    icon: <ExperimentOutlined />,
    permission: 'analysis:read',
    children: [
      { path: '/analysis/whatif', label: 'menu.analysisWhatIf', anyOf: ['analysis:read'] },
      { path: '/analysis/deprivation', label: 'menu.analysisDeprivation', anyOf: ['analysis:read'] },
    ],
  },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'users:read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function buildMenuItems(
  permissions: readonly string[],
  t: (key: MessageKey) => string,
): NonNullable<MenuProps['items']> {
  const visible = MODULES.filter(
    (entry) =>
      (!entry.permission || permissions.includes(entry.permission)) &&
      (!entry.children || entry.children.some((child) => child.anyOf.some((p) => permissions.includes(p)))),
  );
  return visible.map((entry) =>
    entry.children
      ? {
          // A sub-menu's own key is not a path: clicking it opens the pages below.
          key: entry.path,
          icon: entry.icon,
          label: t(entry.label),
          children: entry.children
            .filter((child) => child.anyOf.some((permission) => permissions.includes(permission)))
            .map((child) => ({ key: child.path, label: t(child.label) })),
        }
      : entry.permission
        ? { key: entry.path, icon: entry.icon, label: t(entry.label) }
        : {
            key: entry.path,
            icon: entry.icon,
            disabled: true,
            label: (
              <Tooltip title={t('menu.underConstruction')} placement="right">
                <span data-module-status="under-construction">{t(entry.label)}</span>
              </Tooltip>
            ),
          },
  );
}

/** Every menu path: the module entries without pages, and every page. */
const MENU_PATHS = MODULES.flatMap((entry) =>
  entry.children ? entry.children.map((child) => child.path) : [entry.path],
);

/** The menu item of a location: the longest menu path it is at or under (/registry/42 → /registry). */
export function selectedMenuKey(pathname: string): string {
  const matches = MENU_PATHS.filter((path) => pathname === path || pathname.startsWith(path + '/'));
  return matches.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

/** The sub-menu to open for a location (the module whose page is selected), if any. */
export function openMenuKey(pathname: string): string | undefined {
  const selected = selectedMenuKey(pathname);
  return MODULES.find((entry) => entry.children?.some((child) => child.path === selected))?.path;
}
