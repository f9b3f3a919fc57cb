import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { storeCodeSchema } from '../shared/contract';
import type { HqDatabase } from './db/schema';

/** Why a headquarters call was refused; the HTTP layer maps each to a status. */
export class HqError extends Error {
  constructor(
    readonly code: 'invalid_input' | 'conflict' | 'not_found' | 'unauthenticated' | 'revoked' | 'code_used',
    message: string,
  ) {
    super(message);
    this.name = 'HqError';
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Letters and digits no one misreads over the phone (no 0/O, 1/I/L). */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^10 ≈ 8·10^14 codes, each valid for hours and once: guessing one is out of reach. */
const codeLength = 10;

/** The same store-code rule as the counter's first run (the ticket-number prefix). */
const storeInput = z.strictObject({ code: storeCodeSchema, name: z.string().trim().min(1).max(100) });

export async function addStore(db: HqDatabase, raw: { code: string; name: string }, now: number) {
  const parsed = storeInput.safeParse(raw);
  if (!parsed.success)
    throw new HqError(
      'invalid_input',
      'A store code is a capital letter and 1-7 capitals or digits (SH01); a name is 1-100 characters',
    );
  const input = parsed.data;
  const existing = await db
    .selectFrom('hq_stores')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing) throw new HqError('conflict', `A store ${input.code} exists already`);
  const store = { id: uuidv7(), code: input.code, name: input.name, local_id: null, created_at: now };
  await db.insertInto('hq_stores').values(store).execute();
  return store;
}

export const listStores = (db: HqDatabase) =>
  db
    .selectFrom('hq_stores as s')
    .leftJoin('hq_devices as d', 'd.store_id', 's.id')
    .select([
      's.id',
      's.code',
      's.name',
      'd.id as device_id',
      'd.name as device_name',
      'd.revoked_at',
      'd.last_seen_at',
      (eb) =>
        eb
          .selectFrom('hq_positions as p')
          .select((inner) => inner.fn.max('p.updated_at').as('at'))
          .whereRef('p.device_id', '=', 'd.id')
          .as('last_push_at'),
    ])
    .orderBy('s.code')
    .orderBy('d.enrolled_at')
    .execute();

/**
 * A one-time enrolment code for a store: read out or typed once at the counter, within `hours`.
 * Only its hash is kept.
 */
export async function createEnrolmentCode(db: HqDatabase, storeCode: string, hours: number, now: number) {
  const store = await db.selectFrom('hq_stores').selectAll().where('code', '=', storeCode).executeTakeFirst();
  if (!store) throw new HqError('not_found', `No store ${storeCode}`);
  const code = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join(
    '',
  );
  await db
    .insertInto('hq_enrolment_codes')
    .values({
      code_hash: sha256(code),
      store_id: store.id,
      created_at: now,
      expires_at: now + hours * 3600_000,
      used_at: null,
      device_id: null,
    })
    .execute();
  return { code, store, expiresAt: now + hours * 3600_000 };
}

/** What a counter needs to authenticate from now on: its device id and secret (shown once). */
export type DeviceCredential = {
  deviceId: string;
  secret: string;
  storeId: string;
  storeCode: string;
  storeName: string;
};

/**
 * A counter PC enrols with a code: the code is used up in the same transaction that creates the
 * device, so two counters racing with one code cannot both get in.
 */
export async function enrol(
  db: HqDatabase,
  input: { code: string; deviceName: string; storeId: string; storeCode: string },
  now: number,
): Promise<DeviceCredential> {
  const codeHash = sha256(input.code.trim().toUpperCase());
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('hq_enrolment_codes as e')
      .innerJoin('hq_stores as s', 's.id', 'e.store_id')
      .select([
        'e.code_hash',
        'e.expires_at',
        'e.used_at',
        's.id as store_id',
        's.code',
        's.name',
        's.local_id',
      ])
      .where('e.code_hash', '=', codeHash)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.expires_at < now)
      throw new HqError('unauthenticated', 'Unknown or expired enrolment code');
    if (row.used_at !== null) throw new HqError('code_used', 'This enrolment code has been used');
    // The counter must be the store the code was made for, and the same store its first counter was.
    if (input.storeCode !== row.code || (row.local_id !== null && row.local_id !== input.storeId)) {
      throw new HqError('conflict', `This code is for store ${row.code}, not this counter's store`);
    }
    if (row.local_id === null) {
      const taken = await trx
        .selectFrom('hq_stores')
        .select('code')
        .where('local_id', '=', input.storeId)
        .executeTakeFirst();
      if (taken) throw new HqError('conflict', `This counter's store is enrolled as ${taken.code}`);
      await trx
        .updateTable('hq_stores')
        .set({ local_id: input.storeId })
        .where('id', '=', row.store_id)
        .execute();
    }
    const secret = randomBytes(32).toString('base64url');
    const device = {
      id: uuidv7(),
      store_id: row.store_id,
      name: input.deviceName,
      secret_hash: sha256(secret),
      enrolled_at: now,
      revoked_at: null,
      last_seen_at: null,
    };
    await trx.insertInto('hq_devices').values(device).execute();
    await trx
      .updateTable('hq_enrolment_codes')
      .set({ used_at: now, device_id: device.id })
      .where('code_hash', '=', codeHash)
      .execute();
    return { deviceId: device.id, secret, storeId: input.storeId, storeCode: row.code, storeName: row.name };
  });
}

/** `storeId` is the store's id as its rows carry it (the counter's); `hqStoreId` headquarters' own. */
export type AuthenticatedDevice = { deviceId: string; hqStoreId: string; storeId: string; storeCode: string };

const lastSeenEveryMs = 60_000;

/** The device a request comes from, by its id and secret; revoked devices are refused. */
export async function authenticate(
  db: HqDatabase,
  deviceId: string,
  secret: string,
  now: number,
): Promise<AuthenticatedDevice> {
  const device = await db
    .selectFrom('hq_devices as d')
    .innerJoin('hq_stores as s', 's.id', 'd.store_id')
    .select(['d.id', 'd.secret_hash', 'd.revoked_at', 's.id as store_id', 's.local_id', 's.code'])
    .where('d.id', '=', deviceId)
    .executeTakeFirst();
  const given = Buffer.from(sha256(secret));
  if (!device || !timingSafeEqual(given, Buffer.from(device.secret_hash))) {
    throw new HqError('unauthenticated', 'Unknown device or wrong secret');
  }
  if (device.revoked_at !== null) throw new HqError('revoked', 'This device has been revoked');
  // At most once a minute: a write on every request would cost each push a second commit.
  await db
    .updateTable('hq_devices')
    .set({ last_seen_at: now })
    .where('id', '=', deviceId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', now - lastSeenEveryMs)]))
    .execute();
  return {
    deviceId: device.id,
    hqStoreId: device.store_id,
    storeId: device.local_id ?? '',
    storeCode: device.code,
  };
}

export async function revokeDevice(db: HqDatabase, deviceId: string, now: number): Promise<void> {
  const result = await db
    .updateTable('hq_devices')
    .set({ revoked_at: now })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new HqError('not_found', `No active device ${deviceId}`);
}
