import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { hasPath, namePathOf, placeFieldErrors } from './fieldErrors.ts';

describe('server field paths', () => {
  it('reads both spellings the API uses for a member field', () => {
    expect(namePathOf('members[1].idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(namePathOf('members.1.idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(namePathOf('income.wageIncome')).toEqual(['income', 'wageIncome']);
    expect(namePathOf('householdNo')).toEqual(['householdNo']);
  });

  it('finds registered inputs, empty ones included', () => {
    const values = { householdNo: undefined, members: [{ name: 'a', idNumber: undefined }, { name: 'b' }] };
    expect(hasPath(values, ['householdNo'])).toBe(true);
    expect(hasPath(values, ['members', 0, 'idNumber'])).toBe(true);
    expect(hasPath(values, ['members', 1, 'idNumber'])).toBe(false);
    expect(hasPath(values, ['members', 2, 'name'])).toBe(false);
    expect(hasPath(values, ['headIdNumber'])).toBe(false);
  });
});

describe('placeFieldErrors (the form-mutation helper maps the 400 body onto inputs)', () => {
  const refused = new ApiError(
    400,
    {
      code: 'VALIDATION',
      message: '输入有误',
      messageZh: '输入有误',
      messageEn: 'Invalid input',
      requestId: 'req-1',
      fields: [
        { field: 'members[1].idNumber', messageZh: '身份证号有误', messageEn: 'Bad ID number' },
        { field: 'body.reason', messageZh: '请填写原因', messageEn: 'Give a reason' },
        { field: 'members.1.idNumber', messageZh: '身份证号重复', messageEn: 'Duplicate ID number' },
        { field: 'orgCode', messageZh: '不在管辖范围', messageEn: 'Outside your area' },
      ],
    },
    { zh: '操作失败', en: 'Failed' },
  );
  const values = { reason: undefined, members: [{ idNumber: 'a' }, { idNumber: 'b' }] };

  it('marks nested and last-segment inputs, merges messages per input, leaves the rest for the banner', () => {
    const placed = placeFieldErrors(values, refused, 'zh-CN');
    expect(placed.marked).toEqual([
      { name: ['members', 1, 'idNumber'], errors: ['身份证号有误', '身份证号重复'] },
      { name: ['reason'], errors: ['请填写原因'] },
    ]);
    expect(placed.unplaced).toEqual(['不在管辖范围']);
  });

  it('speaks the UI language and follows a rename', () => {
    const placed = placeFieldErrors({ orgUnit: undefined }, refused, 'en', (path) =>
      path[0] === 'orgCode' ? ['orgUnit'] : path,
    );
    expect(placed.marked).toEqual([{ name: ['orgUnit'], errors: ['Outside your area'] }]);
    expect(placed.unplaced).toEqual(['Bad ID number', 'Give a reason', 'Duplicate ID number']);
  });

  it('places nothing for an error that is not the API’s', () => {
    expect(placeFieldErrors(values, new Error('boom'), 'zh-CN')).toEqual({ marked: [], unplaced: [] });
  });
});
