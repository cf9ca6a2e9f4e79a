/**
 * Where the keys live: this unit's own pair (made on first use; the private key never
 * leaves the database) and, at the parent, the key pinned for each unit below, which every
 * later package of that unit must be signed with.
 */
import { fingerprint, generateKeyPair, type KeyPair } from '../package/keys';
import { stamp, type ServiceContext } from './context';

/** This unit's key pair, made the first time it is needed. Call inside a transaction. */
export function ensureOwnKey(ctx: ServiceContext, unitId: string): KeyPair {
  const row = ctx.sql('SELECT public_key, private_key FROM own_keys WHERE unit_id = ?').get(unitId) as
    | { public_key: Buffer; private_key: Buffer }
    | undefined;
  if (row) return { publicKey: row.public_key, privateKey: row.private_key };
  const pair = generateKeyPair();
  ctx.sql('INSERT INTO own_keys (unit_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)')
    .run(unitId, pair.publicKey, pair.privateKey, stamp(ctx));
  return pair;
}

/** The key pinned for a child unit, if any. */
export function pinnedKey(ctx: ServiceContext, unitId: string): { publicKey: Buffer; fingerprint: string; acceptedAt: string } | null {
  const row = ctx.sql('SELECT public_key, fingerprint, accepted_at FROM unit_keys WHERE unit_id = ?').get(unitId) as
    | { public_key: Buffer; fingerprint: string; accepted_at: string }
    | undefined;
  return row ? { publicKey: row.public_key, fingerprint: row.fingerprint, acceptedAt: row.accepted_at } : null;
}

export function pinKey(ctx: ServiceContext, unitId: string, publicKey: Buffer): void {
  ctx.sql(
    `INSERT INTO unit_keys (unit_id, public_key, fingerprint, accepted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_id) DO UPDATE SET public_key = excluded.public_key, fingerprint = excluded.fingerprint,
       accepted_at = excluded.accepted_at`,
  ).run(unitId, publicKey, fingerprint(publicKey), stamp(ctx));
}
