import { NATIONAL, notFound, since, type ParamDefinition } from './param-seed.ts';

// 涉贫舆情与信访 (沁发〔2021〕17号 二(一)6 “持续做好涉贫舆情防控工作…建立应对处置机制”): the plan asks for a handling
// mechanism but names no time limit, and policy-rules.md cites none for petitions (信访工作条例 is not cited there).
export const PETITION_PARAMS: readonly ParamDefinition[] = [
  {
    key: 'petitions.handlingDays',
    labelZh: '涉贫舆情信访办理期限（自受理之日起，天）',
    labelEn: 'Days to handle a poverty-related petition or public-opinion item (from the day received)',
    unit: 'days',
    yearly: false,
    seeds: [
      since(
        NATIONAL,
        15,
        notFound(
          '沁发〔2021〕17号 二(一)6 只要求“及时反应”“建立应对处置机制”，未给办理期限，政策规则亦未引用信访工作条例；默认15天，与同一文件“舆情信访研判”线索到完成识别一般不超过15天（政策规则 §1.6）一致，请按本县规定设置',
          'the plan (二(一)6) asks for a timely response and a handling mechanism but gives no limit, and policy-rules.md cites no petition regulation; default 15 days, the same as a risk clue to completed identification (policy-rules §1.6); set the county’s own rule',
        ),
      ),
    ],
  },
];
