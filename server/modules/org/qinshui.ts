import type { OrgUnitInsert } from './org.repository.ts';

// Qinshui County (沁水县, 140521), 晋城市, 山西省. Township codes are the national statistical codes
// (policy-rules.md §7). Village names and codes are synthetic but follow the code pattern:
// township 9 digits + 2xx for 村委会. Villager groups extend the village code by 3 digits.

export const QINSHUI_COUNTY_CODE = '140521000000';
const COUNTY_SINCE = '1949-10-01';
/** 樊村河乡 merged into 龙港镇 in February 2021 (policy-rules.md §7). */
const FANCUNHE_CLOSED = '2021-02-01';
/** 苏庄乡 is absent from the 2021 code set; the month and its successor were not found: the date is an estimate. */
const SUZHUANG_CLOSED = '2021-07-01';
const SUZHUANG_NOTE = '撤销日期 2021-07-01 为估计值：2021年统计用区划代码中已无苏庄乡，确切月份与承继单位未查到。';
const ZONE_NOTE = '开发区的统计用区划代码未查到，140521400 为本系统自编代码。';
const VILLAGE_NOTE = '演示用村（社区）：名称与代码为虚构，仅按统计代码格式编排。';

interface TownshipSeed {
  code9: string;
  name: string;
  kind: '镇' | '乡' | '开发区';
  villages: number;
  validTo?: string;
  successor9?: string;
  synthetic?: boolean;
  note?: string;
}

export const QINSHUI_TOWNSHIPS: TownshipSeed[] = [
  { code9: '140521100', name: '龙港镇', kind: '镇', villages: 22 },
  { code9: '140521101', name: '中村镇', kind: '镇', villages: 18 },
  { code9: '140521102', name: '郑庄镇', kind: '镇', villages: 14 },
  { code9: '140521103', name: '端氏镇', kind: '镇', villages: 20 },
  { code9: '140521104', name: '嘉峰镇', kind: '镇', villages: 26 },
  { code9: '140521105', name: '郑村镇', kind: '镇', villages: 17 },
  { code9: '140521106', name: '柿庄镇', kind: '镇', villages: 16 },
  { code9: '140521200', name: '樊村河乡', kind: '乡', villages: 8, validTo: FANCUNHE_CLOSED, successor9: '140521100' },
  { code9: '140521201', name: '土沃乡', kind: '乡', villages: 11 },
  { code9: '140521202', name: '张村乡', kind: '乡', villages: 8 },
  { code9: '140521203', name: '苏庄乡', kind: '乡', villages: 9, validTo: SUZHUANG_CLOSED, note: SUZHUANG_NOTE },
  { code9: '140521204', name: '胡底乡', kind: '乡', villages: 14 },
  { code9: '140521205', name: '固县乡', kind: '乡', villages: 11 },
  { code9: '140521206', name: '十里乡', kind: '乡', villages: 15 },
  // The seed addresses 开发区党工委、管委会; its statistical code was not found, so this one is synthetic.
  { code9: '140521400', name: '沁水经济技术开发区', kind: '开发区', villages: 2, synthetic: true, note: ZONE_NOTE },
];

const FIRST = [
  '东',
  '西',
  '南',
  '北',
  '上',
  '下',
  '前',
  '后',
  '王',
  '李',
  '张',
  '杨',
  '赵',
  '刘',
  '马',
  '石',
  '柳',
  '郭',
  '范',
  '苗',
  '贾',
  '樊',
  '孔',
  '尉',
];
const SECOND = ['庄', '沟', '坪', '河', '峪', '岭', '头', '底', '寨', '湾', '家', '窑', '坡', '峧', '圪'];

function villageName(townshipIndex: number, villageIndex: number): string {
  const n = townshipIndex * 37 + villageIndex * 11;
  return `${FIRST[n % FIRST.length]}${SECOND[(n + villageIndex) % SECOND.length]}村`;
}

/** The whole Qinshui tree: county, 15 township-level units (2 closed), synthetic villages and groups. */
export function qinshuiOrgUnits(): OrgUnitInsert[] {
  const countyCode = QINSHUI_COUNTY_CODE;
  const units: OrgUnitInsert[] = [
    {
      code: countyCode,
      name: '沁水县',
      level: 'county',
      kind: '县',
      parentCode: null,
      countyCode,
      validFrom: COUNTY_SINCE,
    },
  ];
  const nextVillageSeq = new Map<string, number>();
  QINSHUI_TOWNSHIPS.forEach((t, ti) => {
    const code = `${t.code9}000`;
    units.push({
      code,
      name: t.name,
      level: 'township',
      kind: t.kind,
      parentCode: countyCode,
      countyCode,
      validFrom: COUNTY_SINCE,
      validTo: t.validTo ?? null,
      successorCode: t.successor9 ? `${t.successor9}000` : null,
      synthetic: t.synthetic ?? false,
      note: t.note ?? null,
    });
    const names = new Set<string>();
    for (let v = 0; v < t.villages; v++) {
      const seq = 201 + v;
      nextVillageSeq.set(t.code9, seq + 1);
      let name = villageName(ti, v);
      if (names.has(name)) name = name.replace('村', `${v + 1}村`);
      names.add(name);
      const villageCode = `${t.code9}${seq}`;
      units.push({
        code: villageCode,
        name: t.kind === '开发区' ? name.replace('村', '社区') : name,
        level: 'village',
        kind: t.kind === '开发区' ? '社区' : '行政村',
        parentCode: code,
        countyCode,
        validFrom: COUNTY_SINCE,
        validTo: t.validTo ?? null,
        synthetic: true,
        note: [VILLAGE_NOTE, t.note].filter(Boolean).join(''),
      });
      for (let g = 1; g <= 3; g++) {
        units.push({
          code: `${villageCode}${String(g).padStart(3, '0')}`,
          name: `第${'一二三'[g - 1]}村民小组`,
          level: 'group',
          kind: '村民小组',
          parentCode: villageCode,
          countyCode,
          validFrom: COUNTY_SINCE,
          validTo: t.validTo ?? null,
          synthetic: true,
        });
      }
    }
  });
  // Villages of a merged township live on under the successor with new codes; the old ones point to them.
  for (const t of QINSHUI_TOWNSHIPS.filter((x) => x.successor9)) {
    const oldVillages = units.filter((u) => u.level === 'village' && u.parentCode === `${t.code9}000`);
    let seq = nextVillageSeq.get(t.successor9!)!;
    for (const old of oldVillages) {
      const newCode = `${t.successor9}${seq++}`;
      old.successorCode = newCode;
      units.push({
        code: newCode,
        name: old.name,
        level: 'village',
        kind: old.kind,
        parentCode: `${t.successor9}000`,
        countyCode,
        validFrom: t.validTo!,
        synthetic: true,
        note: VILLAGE_NOTE,
      });
    }
  }
  return units;
}
