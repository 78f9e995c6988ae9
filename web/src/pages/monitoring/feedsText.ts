import { makeText, type Pair } from './text.ts';

export const FEEDS_TEXT = {
  title: ['部门数据', 'Department data'],
  intro: [
    '医保、教育、住建、民政、残联、人社等部门的比对数据。先“检查文件”（不写入），没有错误再“确认导入”。同一文件重复导入不会重复记录。',
    'Department records. Check the file first (nothing is written), then import. Re-importing the same file adds nothing.',
  ],
  upload: ['导入数据文件', 'Import a file'],
  chooseFile: ['① 选择文件（CSV 或 Excel）', '① Choose a CSV or .xlsx file'],
  source: ['数据来源', 'Source'],
  sourceHint: ['按文件中的“数据来源”列', 'From the file’s source column'],
  template: ['下载导入模板（.xlsx）', 'Download an import template (.xlsx)'],
  sourceExtra: ['文件里没有“数据来源”列时才需要选择', 'Only needed when the file has no source column'],
  check: ['② 检查文件', '② Check file'],
  commit: ['③ 确认导入', '③ Import'],
  checking: ['正在处理：{message}', 'Working: {message}'],
  checkedOk: ['检查通过：共 {rows} 行，没有错误。可以确认导入。', 'Checked: {rows} rows, no errors.'],
  checkedErrors: [
    '发现 {n} 处错误，文件未导入。请按下表修改后重新检查。',
    '{n} errors; nothing imported. Fix and check again.',
  ],
  errorsTruncated: ['错误太多，只列出前面一部分', 'Only the first errors are listed'],
  unknownColumns: ['以下列不是标准字段，将原样保存：{cols}', 'Unknown columns kept as-is: {cols}'],
  imported: ['导入完成：新增 {n} 条记录', 'Imported: {n} new records'],
  alreadyImported: ['这些记录以前已导入过，没有新增', 'Already imported; nothing new'],
  row: ['行号', 'Row'],
  column: ['列', 'Column'],
  value: ['填写的值', 'Value'],
  reason: ['问题', 'Problem'],
  outcome: ['各来源结果', 'Per source'],
  recordCount: ['记录数', 'Records'],
  newCount: ['新增', 'New'],
  existingCount: ['以前已有', 'Already stored'],
  duplicateRows: ['文件内重复', 'Duplicate rows'],
  matched: ['匹配到台账', 'Matched'],
  unmatched: ['台账中没有', 'Unmatched'],
  unmatchedHint: [
    '台账中找不到此人的记录也会保存，建档后自动匹配',
    'Unmatched records are kept and match once registered',
  ],
  batches: ['导入批次', 'Batches'],
  fileName: ['文件名', 'File'],
  uploadedBy: ['导入人', 'By'],
  createdAt: ['导入时间', 'When'],
  noBatches: ['还没有导入过数据', 'Nothing imported yet'],
  noPush: [
    '您可以查看导入批次；导入须由县级业务员或行业部门操作。',
    'You can view batches; county staff or departments import.',
  ],
} as const satisfies Record<string, Pair>;

export const useFeedsText = makeText(FEEDS_TEXT);
