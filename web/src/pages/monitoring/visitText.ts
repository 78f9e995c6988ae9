import { makeText, type Pair } from './text.ts';

export const VISIT_TEXT = {
  title: ['走访排查', 'Household visit'],
  intro: [
    '入户走访后当场记录。发现风险的，提交后自动生成线索，进入线索清单。',
    'Record a visit on the spot; a risk found becomes a clue.',
  ],
  household: ['走访农户', 'Household visited'],
  visitedOn: ['走访日期', 'Visit date'],
  findings: ['走访情况', 'What you found'],
  findingsPlaceholder: [
    '如：户主张某3月摔伤住院，目前在家休养，家中无其他劳动力，今年收入明显减少',
    'e.g. the head was injured in March …',
  ],
  riskFound: ['是否发现返贫致贫风险', 'Risk found?'],
  riskYes: ['发现风险', 'Yes, a risk'],
  riskNo: ['未发现风险', 'No risk'],
  riskTypes: ['风险类型（可多选）', 'Risk types'],
  photos: ['现场照片（最多 3 张）', 'Photos (up to 3)'],
  photosHint: ['点“拍照/选图”用手机拍摄，照片会自动压缩后上传', 'Photos are shrunk before upload'],
  addPhoto: ['拍照/选图', 'Take / choose photo'],
  photoFailed: ['这张照片无法读取，请换一张', 'This photo could not be read'],
  photoLimit: ['最多 3 张照片', 'At most 3 photos'],
  removePhoto: ['删除', 'Remove'],
  submit: ['提交走访记录', 'Submit visit'],
  doneTitle: ['走访记录已保存', 'Visit saved'],
  doneVisit: ['走访记录编号：{id}', 'Visit record #{id}'],
  doneClues: [
    '已生成 {n} 条风险线索（{risks}，编号 {ids}），将在“线索清单”中跟进核实',
    '{n} clue(s) created ({risks}; {ids})',
  ],
  doneNoClue: ['未发现风险，不生成线索', 'No risk found, no clue created'],
  another: ['再记一户', 'Record another'],
  toClues: ['查看线索清单', 'Open the clue list'],
} as const satisfies Record<string, Pair>;

export const useVisitText = makeText(VISIT_TEXT);
