import { contract, isMethodName, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { supervisorRoles } from '../../../shared/roles';
import { recordChange, recordEvent } from '../changes';
import { sessionOf, type Ctx } from '../context';
import { findStaff } from '../staff/staff.repository';
import { requestHash } from './overrides';
import { checkPin } from './pin-check';
import type { Session } from './sessions';

const publicStaff = (session: Session) => ({
  id: session.staffId,
  name: session.name,
  role: session.role,
  language: session.language,
});

/** Active staff to pick from on the sign-in screen of a shared counter PC. */
export async function roster(ctx: Ctx): Promise<OutputOf<'auth.roster'>> {
  const storeId = ctx.core.storeId;
  if (!storeId) return [];
  return ctx.core.db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('store_id', '=', storeId)
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
}

async function activeStaff(ctx: Ctx, id: string) {
  const staff = await findStaff(ctx.core.db, id);
  if (!staff || staff.active !== 1 || staff.store_id !== ctx.core.storeId) {
    return failWith('not_found', 'No such active staff member');
  }
  return staff;
}

export async function signIn(
  ctx: Ctx,
  input: ParsedInputOf<'auth.signIn'>,
): Promise<OutputOf<'auth.signIn'>> {
  const staff = await activeStaff(ctx, input.staffId);
  await checkPin(ctx, staff, input.pin);
  const session = ctx.core.sessions.create({
    staffId: staff.id,
    name: staff.name,
    role: staff.role,
    language: staff.language,
  });
  await ctx.core.db.transaction().execute((trx) =>
    recordEvent(trx, ctx, {
      action: 'auth.signIn',
      entity: 'staff',
      entityId: staff.id,
      staffId: staff.id,
    }),
  );
  return {
    token: session.token,
    staff: publicStaff(session),
    idleLockMinutes: ctx.core.settings.idleLockMinutes,
  };
}

export async function signOut(ctx: Ctx): Promise<null> {
  ctx.core.sessions.end(sessionOf(ctx).token);
  return null;
}

export const me = async (ctx: Ctx) => publicStaff(sessionOf(ctx));

export async function lock(ctx: Ctx): Promise<null> {
  ctx.core.sessions.lock(sessionOf(ctx));
  return null;
}

/** Only the person who locked the counter unlocks it; anyone else signs in instead. */
export async function unlock(ctx: Ctx, input: ParsedInputOf<'auth.unlock'>): Promise<null> {
  const session = sessionOf(ctx);
  const staff = await activeStaff(ctx, session.staffId);
  await checkPin(ctx, staff, input.pin);
  ctx.core.sessions.unlock(session);
  return null;
}

/**
 * A supervisor authorises one protected call for the signed-in clerk. The grant is audited here;
 * the protected call's own audit entry names the supervisor in `override_by`.
 */
export async function grantOverride(
  ctx: Ctx,
  input: ParsedInputOf<'auth.override'>,
): Promise<OutputOf<'auth.override'>> {
  const session = sessionOf(ctx);
  if (!isMethodName(input.method)) return failWith('invalid_input', 'Unknown method to override');
  const spec = contract[input.method];
  if (!('overridable' in spec) || !spec.overridable) {
    return failWith('invalid_input', `${input.method} cannot be allowed by override`);
  }
  const supervisor = await activeStaff(ctx, input.supervisorId);
  if (!supervisorRoles.includes(supervisor.role) || !spec.access.includes(supervisor.role)) {
    return failWith('forbidden', 'Only a supervisor may allow this');
  }
  // The supervisor allows this request, as parsed the way the call itself will parse it.
  const request = spec.input.safeParse(input.request);
  if (!request.success) {
    return failWith('invalid_input', 'The request to allow does not match its method', {
      fields: { request: 'invalid' },
    });
  }
  await checkPin(ctx, supervisor, input.pin);
  const grant = ctx.core.overrides.grant(
    session.token,
    input.method,
    requestHash(request.data),
    supervisor.id,
  );
  await ctx.core.db.transaction().execute((trx) =>
    recordEvent(trx, ctx, {
      action: 'auth.override',
      entity: 'staff',
      entityId: supervisor.id,
      // What was allowed, as the supervisor saw it (the amount, the reason, the ticket).
      details: { method: input.method, supervisorId: supervisor.id, request: request.data },
    }),
  );
  return { overrideToken: grant.token, expiresAt: grant.expiresAt };
}

/** A personal preference: the UI switches to it whenever this person signs in. */
export async function setLanguage(ctx: Ctx, input: ParsedInputOf<'auth.setLanguage'>): Promise<null> {
  const session = sessionOf(ctx);
  await ctx.core.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ language: input.language, updated_at: ctx.core.now() })
      .where('id', '=', session.staffId)
      .execute();
    const row = await findStaff(trx, session.staffId);
    if (!row) return failWith('not_found', 'No such staff member');
    const { locked_until: _localOnly, ...synced } = row;
    await recordChange(trx, ctx, {
      action: 'auth.setLanguage',
      entity: 'staff',
      entityId: row.id,
      row: synced,
    });
  });
  session.language = input.language;
  return null;
}
