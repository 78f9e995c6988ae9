import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '#common/contracts/errors.ts';
import type { AppErrorCode } from '../lib/app-error.ts';
import { STATUS } from './errors.ts';
import { SESSION_COOKIE } from './session.ts';

// The OpenAPI document at /api/docs: how to sign in, the units (money in fen, China days), the error
// shape and every error code. The code table is typed by AppErrorCode, so a new code needs its words here.

/** Every error code with its status and meaning: AppError codes (statuses from errors.ts) and the 500. */
export const ERROR_CODES: Record<AppErrorCode | 'INTERNAL', { status: number; zh: string; en: string }> = {
  VALIDATION: {
    status: STATUS.VALIDATION,
    zh: '输入有误，`fields` 逐项列出字段和中英文说明',
    en: 'invalid input; `fields` lists each field with a Chinese and English message',
  },
  BAD_REQUEST: {
    status: STATUS.BAD_REQUEST,
    zh: '请求无效（如不是有效的 JSON）',
    en: 'malformed request (e.g. not JSON)',
  },
  UNAUTHENTICATED: {
    status: STATUS.UNAUTHENTICATED,
    zh: '未登录或会话已过期，请重新登录',
    en: 'no session or the session expired: sign in again',
  },
  FORBIDDEN: {
    status: STATUS.FORBIDDEN,
    zh: '角色无此权限，或来自其他网站的文件上传',
    en: 'the role lacks the permission, or a file upload came from another site',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: STATUS.PASSWORD_CHANGE_REQUIRED,
    zh: '初始或重置的密码须先修改（只有 me、password、logout 可用）',
    en: 'change the initial or reset password first (only me, password and logout answer)',
  },
  NOT_FOUND: {
    status: STATUS.NOT_FOUND,
    zh: '记录不存在，或不在本人管辖范围内；也用于不存在的接口',
    en: 'no such record, or outside the caller’s org unit; also an unknown route',
  },
  CONFLICT: {
    status: STATUS.CONFLICT,
    zh: '与当前状态冲突（记录已被他人修改、环节不对、公示期未满等）',
    en: 'conflicts with the current state (stale version, wrong stage, notice period running, …)',
  },
  PAYLOAD_TOO_LARGE: {
    status: STATUS.PAYLOAD_TOO_LARGE,
    zh: '请求或上传文件超过限制',
    en: 'request body or uploaded file over the limit',
  },
  RATE_LIMITED: {
    status: STATUS.RATE_LIMITED,
    zh: '操作过于频繁（如登录），请稍后再试',
    en: 'too many requests (e.g. logins): try again later',
  },
  UNAVAILABLE: {
    status: STATUS.UNAVAILABLE,
    zh: '所需的本机组件未安装（如 PDF 生成）',
    en: 'a local facility is not installed (e.g. the PDF renderer)',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误；请把 `requestId` 告诉管理员',
    en: 'internal error; give the `requestId` to the administrator',
  },
};

const errorCodeTable = [
  '| HTTP | code | 含义 | meaning |',
  '|---|---|---|---|',
  ...Object.entries(ERROR_CODES)
    .sort(([, a], [, b]) => a.status - b.status)
    .map(([code, e]) => `| ${e.status} | \`${code}\` | ${e.zh} | ${e.en} |`),
].join('\n');

export const API_DESCRIPTION = `
Guardline 防返贫监测帮扶平台的接口。所有接口都在 \`/api\` 下，请求和响应都是 JSON（导出和打印另有说明）。

## 登录 Signing in

1. \`POST /api/auth/login\`，JSON 请求体 \`{"username": "…", "password": "…"}\`。成功时返回当前用户，并设置会话 Cookie
   \`${SESSION_COOKIE}\`（HttpOnly、SameSite=Lax，有效 12 小时）。之后的每个请求带上这个 Cookie
   （浏览器自动带；脚本如 \`curl -c cookies.txt -b cookies.txt\`）。
   Sign in with \`POST /api/auth/login\`; the answer sets the session cookie \`${SESSION_COOKIE}\` (HttpOnly,
   SameSite=Lax, 12 hours). Send it with every later request.
2. 初始密码或被重置的密码须先用 \`POST /api/auth/password\` 修改，在此之前其他接口返回 403 \`PASSWORD_CHANGE_REQUIRED\`。
   \`GET /api/auth/me\` 返回当前用户，\`POST /api/auth/logout\` 退出。
3. 没有单独的 CSRF 令牌：会话 Cookie 为 SameSite=Lax，写操作只接受 JSON（跨站需预检）；文件上传（multipart）
   若带有其他网站的 \`Origin\` 则拒绝（403）。No CSRF token: the cookie is SameSite=Lax, writes take JSON only, and
   multipart uploads whose \`Origin\` is another site are refused.
4. 登录按地址和用户名限速（超限 429 \`RATE_LIMITED\`），连续失败多次账号暂时锁定。
5. 每个账号只看得到本单位及下级单位的数据；范围以外的记录按“不存在”回答（404）。
   Every answer is limited to the caller's org unit and its descendants; records outside it answer 404.

## 金额以“分”为单位 Money is in fen

JSON 中所有金额都是 **整数，单位为分（fen，1 元 = 100 分）**，字段名以 \`Fen\` 结尾，例如 \`amountFen: 123450\` 即 1,234.50 元。
唯一的例外是部门数据记录的 \`amountYuan\`（与部门文件格式一致，按元填写，导入时换算成分）。
导出的 Excel 台账和打印的公示公告以元显示。
Every amount in JSON is an integer number of fen (1 yuan = 100 fen), in a field ending in \`Fen\`; only department
feed records carry \`amountYuan\`, as in the department file format. Spreadsheets and notices show yuan.

## 日期是中国的日历日 Dates are China days

日期 \`YYYY-MM-DD\` 和月份 \`YYYY-MM\` 都按北京时间（UTC+8）计算，“今天”指北京时间的今天；
时间戳（字段名以 \`At\` 结尾）是 ISO 8601 时刻。
Dates (\`YYYY-MM-DD\`) and months (\`YYYY-MM\`) are calendar days in China (UTC+8); timestamps (\`…At\`) are ISO 8601
instants.

## 错误 Errors

出错时返回 4xx/5xx 和如下 JSON（见下方 \`ErrorResponse\`）。Every error answers with this body:

\`\`\`json
{ "error": { "code": "VALIDATION", "message": "输入有误，请检查标出的字段",
  "messageZh": "输入有误，请检查标出的字段", "messageEn": "Invalid input: see the fields",
  "requestId": "req-1a2b", "fields": [{ "field": "headName", "messageZh": "必填", "messageEn": "Required" }] } }
\`\`\`

\`message\` 按请求头 \`Accept-Language\` 选择中文或英文（\`en\` 开头为英文，否则中文）；\`fields\` 只在输入有误时出现。

${errorCodeTable}
`.trim();

const ERROR_JSON_SCHEMA = z.toJSONSchema(errorResponse, { target: 'draft-7' }) as Record<string, unknown>;
delete ERROR_JSON_SCHEMA.$schema;

/** The error responses listed on every API operation (signed-in routes may answer any of them). */
const DOCUMENTED_ERRORS = [400, 401, 403, 404, 409, 429, 500] as const;

function errorResponseDoc(status: number): Record<string, unknown> {
  const codes = Object.entries(ERROR_CODES)
    .filter(([, e]) => e.status === status)
    .map(([code, e]) => `${code}: ${e.zh}`);
  return { description: codes.join('；'), ...ERROR_JSON_SCHEMA };
}

/** Routes that need no session. */
const PUBLIC_ROUTES = /^\/api\/(health|auth\/login|public\/)/;

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** fastify-type-provider-zod's transform, then the error responses and the session requirement per operation. */
export function apiDocsTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(input);
  if (!input.url.startsWith('/api/')) return out;
  const schema = out.schema as Record<string, unknown>;
  const response = { ...(schema.response as Record<string, unknown> | undefined) };
  for (const status of DOCUMENTED_ERRORS) response[status] ??= errorResponseDoc(status);
  schema.response = response;
  if (PUBLIC_ROUTES.test(input.url)) schema.security = [];
  return out;
}

/** Options for @fastify/swagger. */
export const OPENAPI_OPTIONS = {
  openapi: {
    info: { title: 'Guardline API 防返贫监测帮扶平台', version: '0.1.0', description: API_DESCRIPTION },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey' as const,
          in: 'cookie' as const,
          name: SESSION_COOKIE,
          description: '由 POST /api/auth/login 设置 / set by POST /api/auth/login',
        },
      },
      schemas: { ErrorResponse: ERROR_JSON_SCHEMA },
    },
    security: [{ session: [] }],
  },
  transform: apiDocsTransform,
};
