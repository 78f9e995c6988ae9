import type { FieldError } from './rules.ts';

// 社会力量帮扶 (沁发〔2021〕17号 §二(二)3): what a pairing brought on a day — funds, a project, jobs — must be something,
// and dated within the pairing.

export interface ContributionFacts {
  contributedOn: string;
  fundsFen: number;
  projectName?: string | null;
  jobs: number;
}

export function contributionErrors(
  input: ContributionFacts,
  pairing: { startedOn: string; endedOn: string | null },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.fundsFen <= 0 && !input.projectName?.trim() && input.jobs <= 0)
    errors.push({
      field: 'fundsFen',
      messageZh: '请至少填写资金、项目或岗位之一',
      messageEn: 'Enter funds, a project or jobs',
    });
  if (input.contributedOn > today)
    errors.push({ field: 'contributedOn', messageZh: '日期不能晚于今天', messageEn: 'The date is in the future' });
  else if (input.contributedOn < pairing.startedOn || (pairing.endedOn && input.contributedOn > pairing.endedOn))
    errors.push({
      field: 'contributedOn',
      messageZh: '日期须在结对期间内',
      messageEn: 'The date lies outside the pairing',
    });
  return errors;
}
