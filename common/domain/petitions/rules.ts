import { addDays, daysBetween } from '../period.ts';
import type { PetitionEventKind, PetitionSource } from './codes.ts';

// Pure rules of the 涉贫舆情与信访 register (沁发〔2021〕17号 二(一)6): the handling deadline (days: parameter
// petitions.handlingDays, not found in the plan), overdue on the China day, dates that hold together, the clue kind a
// concerned household's clue is opened with, and 零上访 of a village in a year (codes.ts ZERO_PETITION_NOTE).

export interface FieldError {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** The deadline: the received day plus the handling days (day 0 is the received day). */
export function deadlineOf(receivedOn: string, handlingDays: number): string {
  return addDays(receivedOn, handlingDays);
}

/** Open after its deadline day (the deadline day itself is still in time). A closed event is never overdue. */
export function isOverdue(event: { deadlineOn: string; closedOn: string | null }, today: string): boolean {
  return event.closedOn === null && today > event.deadlineOn;
}

/** Days left until the deadline (negative: days overdue); null once closed. */
export function daysLeft(event: { deadlineOn: string; closedOn: string | null }, today: string): number | null {
  return event.closedOn === null ? daysBetween(today, event.deadlineOn) : null;
}

/** A new event: received not in the future; a deadline given by hand not before the received day. */
export function eventErrors(input: { receivedOn: string; deadlineOn?: string | null }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.receivedOn > today)
    errors.push({
      field: 'receivedOn',
      messageZh: '受理日期不能晚于今天',
      messageEn: 'The received date is in the future',
    });
  if (input.deadlineOn && input.deadlineOn < input.receivedOn)
    errors.push({
      field: 'deadlineOn',
      messageZh: '办理期限不能早于受理日期',
      messageEn: 'The deadline is before the received date',
    });
  return errors;
}

/** A handling step or the closure happens between the received day and today, on an open event. */
export function dateInEventErrors(
  field: string,
  on: string,
  event: { receivedOn: string; closedOn: string | null },
  today: string,
): FieldError[] {
  if (event.closedOn !== null) return [{ field, messageZh: '该事项已办结', messageEn: 'The event is closed' }];
  if (on < event.receivedOn || on > today)
    return [
      {
        field,
        messageZh: '日期须在受理日期之后且不晚于今天',
        messageEn: 'The date lies between the received date and today',
      },
    ];
  return [];
}

/** The kind of a petition-channel clue (monitoring's PETITION_KINDS): a 12317 call is its own kind. */
export function clueKindOf(
  kind: PetitionEventKind,
  source: PetitionSource,
): 'petition' | 'publicOpinion' | 'hotline12317' {
  if (source === 'hotline12317') return 'hotline12317';
  return kind;
}

/** 零上访 in a year: no 信访 event received in the village that year (舆情 items do not count). */
export function isZeroPetition(
  events: readonly { kind: PetitionEventKind; receivedOn: string }[],
  year: number,
): boolean {
  return !events.some((e) => e.kind === 'petition' && e.receivedOn.slice(0, 4) === String(year));
}
