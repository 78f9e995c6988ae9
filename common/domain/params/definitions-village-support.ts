import { NATIONAL, notFound, since, type ParamDefinition } from './param-seed.ts';

// 驻村帮扶 (沁发〔2021〕17号 §三(二) "健全常态化驻村帮扶工作机制"): the plan names the mechanism but gives no attendance
// rule; the county sets its own.
export const VILLAGE_SUPPORT_PARAMS: readonly ParamDefinition[] = [
  {
    key: 'residentTeams.minDaysPerMonth',
    labelZh: '驻村工作队员每月最少在村天数',
    labelEn: 'Fewest days a resident-team member spends in the village each month',
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        20,
        notFound(
          '沁发〔2021〕17号 §三(二) 只说“健全常态化驻村帮扶工作机制”，未给在村天数；默认每月不少于20天，请按本县驻村管理办法设置',
          '沁发〔2021〕17号 §三(二) says only 健全常态化驻村帮扶工作机制 with no days; default 20 days a month, set the county’s own rule',
        ),
      ),
    ],
  },
];
