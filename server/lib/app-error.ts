// The one error type services throw. `server/http/errors.ts` alone maps codes to HTTP statuses.

export type AppErrorCode =
  | 'VALIDATION'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** The account still has its initial (or reset) password: only me, password and logout answer (403). */
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  /** A needed local facility (e.g. the PDF renderer) is not installed: 503. */
  | 'UNAVAILABLE';

export interface FieldError {
  field: string;
  messageZh: string;
  messageEn: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly fields: FieldError[] | undefined;

  constructor(code: AppErrorCode, message: { zh: string; en: string }, fields?: FieldError[]) {
    super(message.en);
    this.name = 'AppError';
    this.code = code;
    this.messageZh = message.zh;
    this.messageEn = message.en;
    this.fields = fields;
  }

  static notFound(what = { zh: '记录', en: 'record' }): AppError {
    return new AppError('NOT_FOUND', { zh: `${what.zh}不存在或无权查看`, en: `${what.en} not found` });
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN', { zh: '无权执行此操作', en: 'You are not allowed to do this' });
  }

  static validation(fields: FieldError[]): AppError {
    return new AppError(
      'VALIDATION',
      { zh: '输入有误，请检查标出的字段', en: 'Invalid input: see the fields' },
      fields,
    );
  }
}
