import { FACTORS, weightKey } from '../key-villages/rules.ts';
import { NATIONAL, notFound, since, type ParamDefinition } from './param-seed.ts';

// 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2): the plan lists the factors ("综合考虑行政村脱贫人口规模、集体经济收入和
// 发展现状、区位条件、公共服务、基础设施、资源禀赋等因素") but no weights: each weight is a parameter, not found, with a
// default that sums to 1 (the two facts the system counts weigh most: 脱贫人口 0.25, 集体经济收入 0.20; the four scored by
// hand 0.15 each, 资源禀赋 0.10). The score is the weighted mean, so weights need not sum to 1 once the county sets them.
const DEFAULTS: Record<string, number> = {
  alleviatedPopulation: 0.25,
  collectiveIncome: 0.2,
  location: 0.15,
  publicService: 0.15,
  infrastructure: 0.15,
  resources: 0.1,
};

export const KEY_VILLAGE_PARAMS: readonly ParamDefinition[] = FACTORS.map((f) => ({
  key: weightKey(f.code),
  labelZh: `重点帮扶村评分权重：${f.zh}`,
  labelEn: `Key-village score weight: ${f.en}`,
  unit: 'ratio' as const,
  yearly: false,
  seeds: [
    since(
      NATIONAL,
      DEFAULTS[f.code],
      notFound(
        `沁发〔2021〕17号 §二(二)2 列出“脱贫人口规模、集体经济收入和发展现状、区位条件、公共服务、基础设施、资源禀赋等因素”，未给权重；默认 ${DEFAULTS[f.code]}（六项合计1），请按本县认定办法设置`,
        `沁发〔2021〕17号 §二(二)2 lists the factors without weights; default ${DEFAULTS[f.code]} (the six sum to 1), set the county's own`,
      ),
    ),
  ],
}));
