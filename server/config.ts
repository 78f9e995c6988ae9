import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Environment is parsed once, here. Everything else receives a Config.

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Unset: 127.0.0.1 while the embedded demo (fixed, published passwords) is in use, else 0.0.0.0. */
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
    .optional(),
  GUARDLINE_SECRET: z.string().min(32, { message: 'GUARDLINE_SECRET must be at least 32 characters' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GUARDLINE_DEMO: z.enum(['0', '1']).optional(),
  NODE_ENV: z.string().optional(),
  /** 1: served over TLS (here or by a proxy): HSTS, CSP upgrade-insecure-requests and Secure cookies always. */
  GUARDLINE_HTTPS: z.enum(['0', '1']).optional(),
  /** 1: behind a reverse proxy; its X-Forwarded-For/-Proto are believed (https per request, client address). */
  GUARDLINE_TRUST_PROXY: z.enum(['0', '1']).optional(),
  /** Failed logins of one account within the lock window that lock it for the window. */
  GUARDLINE_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  GUARDLINE_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Load the demo county and demo users on first start (embedded database only by default). */
  loadDemo: boolean;
  secureCookies: boolean;
  /** Served over TLS (GUARDLINE_HTTPS=1); otherwise only requests that arrive over https get HSTS and the upgrade. */
  https: boolean;
  trustProxy: boolean;
  /** Production without the demo: /api/docs only for signed-in users. */
  docsRequireLogin: boolean;
  loginLockout: { maxFailures: number; minutes: number };
  /**
   * Set when no key was given and none is in DATA_DIR: a fresh key, to be written to this path by
   * openDatabase only once the database is known to be new (server/db/secret-check.ts).
   */
  newSecretFile?: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const key = e.GUARDLINE_SECRET ? { secret: e.GUARDLINE_SECRET } : readOrNewSecret(dataDir);
  const loadDemo = e.GUARDLINE_DEMO ? e.GUARDLINE_DEMO === '1' : !e.DATABASE_URL;
  // The embedded demo's users have the published passwords of the README: keep it on this machine unless HOST says otherwise.
  const demoPasswords = loadDemo && !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST ?? (demoPasswords ? '127.0.0.1' : '0.0.0.0'),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secret: key.secret,
    ...(key.newSecretFile ? { newSecretFile: key.newSecretFile } : {}),
    logLevel: e.LOG_LEVEL,
    loadDemo,
    secureCookies: e.GUARDLINE_HTTPS === '1',
    https: e.GUARDLINE_HTTPS === '1',
    trustProxy: e.GUARDLINE_TRUST_PROXY === '1',
    docsRequireLogin: e.NODE_ENV === 'production' && !loadDemo,
    loginLockout: { maxFailures: e.GUARDLINE_LOGIN_MAX_FAILURES, minutes: e.GUARDLINE_LOGIN_LOCK_MINUTES },
  };
}

/**
 * The key for sessions and ID-number encryption: GUARDLINE_SECRET, else DATA_DIR/secret.key. A new
 * key is only made for a new installation and written after the database proved empty; a missing
 * key beside existing embedded data stops the start (a new key could not read the ID numbers).
 */
function readOrNewSecret(dataDir: string): { secret: string; newSecretFile?: string } {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim() };
  if (existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) throw new ConfigError(missingKeyMessage(file));
  return { secret: randomBytes(32).toString('base64url'), newSecretFile: file };
}

export function missingKeyMessage(file: string): string {
  return (
    `缺少密钥：数据已存在，但未设置 GUARDLINE_SECRET，且 ${file} 不存在。身份证号等个人信息用该密钥加密，新生成的密钥无法解密，故拒绝启动。` +
    `请放回原来的 secret.key（或设置原来的 GUARDLINE_SECRET）后再启动。\n` +
    `Missing key: data exists but GUARDLINE_SECRET is not set and ${file} does not exist. ID numbers are encrypted with that key and a new key ` +
    `could not read them, so the start is refused. Put the original secret.key back (or set the original GUARDLINE_SECRET) and start again.`
  );
}

/** Write a key made by loadConfig for a new installation (openDatabase, once the database is new). */
export function writeNewSecret(config: Pick<Config, 'secret' | 'newSecretFile'>): void {
  if (config.newSecretFile) writeFileSync(config.newSecretFile, config.secret + '\n', { mode: 0o600, flag: 'wx' });
}
