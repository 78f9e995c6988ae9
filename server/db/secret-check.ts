import { sql } from 'drizzle-orm';
import { ConfigError } from '../config.ts';
import { createPersonalDataBox } from '../lib/crypto.ts';
import { queryRows, type Db } from './connect.ts';

// The key (GUARDLINE_SECRET or DATA_DIR/secret.key) must be the one the data was encrypted with.
// A new key is only written for a new database, and every start decrypts one stored ciphertext (an
// ID number, else a phone) so a wrong key stops the start instead of failing later, row by row.

/** No users and no persons yet (or not even the tables): a key may be generated for it. */
export async function databaseIsNew(db: Db): Promise<boolean> {
  const [{ users, persons }] = await queryRows<{ users: string | null; persons: string | null }>(
    db,
    sql`SELECT to_regclass('public.app_user')::text AS users, to_regclass('public.person')::text AS persons`,
  );
  if (!users || !persons) return true;
  const [{ any }] = await queryRows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM app_user) OR EXISTS (SELECT 1 FROM person) AS any`,
  );
  return !any;
}

/** One stored ciphertext to try the key on, or null when nothing is encrypted yet. */
export async function sampleCiphertext(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ c: string | null }>(
    db,
    sql`SELECT coalesce((SELECT id_cipher FROM person LIMIT 1), (SELECT phone_cipher FROM app_user WHERE phone_cipher IS NOT NULL LIMIT 1)) AS c`,
  );
  return row?.c ?? null;
}

export function keyOpens(secret: string, ciphertext: string): boolean {
  try {
    createPersonalDataBox(secret).decrypt(ciphertext);
    return true;
  } catch {
    return false;
  }
}

export function wrongKeyMessage(where: string): string {
  return (
    `密钥不匹配：当前密钥（GUARDLINE_SECRET 或 secret.key）无法解密${where}中已加密的个人信息。请使用加密这些数据时的原密钥。\n` +
    `Wrong key: the current key (GUARDLINE_SECRET or secret.key) cannot decrypt the personal data in ${where === '数据库' ? 'the database' : 'the backup'}. Use the key the data was encrypted with.`
  );
}

/** Refuse to start when the key cannot decrypt what is stored. */
export async function requireKeyFits(db: Db, secret: string): Promise<void> {
  const sample = await sampleCiphertext(db);
  if (sample && !keyOpens(secret, sample)) throw new ConfigError(wrongKeyMessage('数据库'));
}
