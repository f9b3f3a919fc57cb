import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { HqDatabase } from './db/schema';
import { lookupQuerySchema } from '../shared/lookup';
import { maxFeedRows } from '../shared/master-data';
import { pushRequestSchema } from '../shared/sync-protocol';
import { authenticate, enrol, HqError, type AuthenticatedDevice } from './stores';
import { FeedExpired, feedPage } from './sync/feed';
import { lookUp } from './sync/lookup';
import { PositionConflict, pushBatch } from './sync/push';

const status: Record<HqError['code'], number> = {
  invalid_input: 400,
  unauthenticated: 401,
  revoked: 403,
  code_used: 409,
  conflict: 409,
  not_found: 404,
};

const enrolInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  deviceName: z.string().trim().min(1).max(80),
  /** The counter's own store: its id (which its rows carry) and code (which the code was made for). */
  storeId: z.string().min(1).max(64),
  storeCode: z.string().min(1).max(8),
});

const pullQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(maxFeedRows).default(maxFeedRows),
  /** 1 while the counter downloads everything from 0 (its first download, or after a 410). */
  download: z.enum(['0', '1']).default('0'),
});

declare module 'fastify' {
  interface FastifyRequest {
    device?: AuthenticatedDevice;
  }
}

export type HqServerOptions = {
  db: HqDatabase;
  now?: () => number;
  /** Pino options, or false to stay quiet (tests). */
  logger?: boolean | { level: string };
};

/** `Authorization: Device <id>:<secret>`, the credential a counter got when it enrolled. */
function credentialOf(request: FastifyRequest): { deviceId: string; secret: string } | null {
  const match = /^Device ([0-9a-f-]{36}):([A-Za-z0-9_-]{20,100})$/.exec(request.headers.authorization ?? '');
  return match ? { deviceId: match[1] ?? '', secret: match[2] ?? '' } : null;
}

/**
 * Headquarters over HTTP: a health check, enrolment with a one-time code, and (for every other
 * `/v1` route) a device authenticated by its credential. Bodies are parsed with zod; every refusal
 * is `{ error: { code, message } }` with a status that says which.
 */
export function buildHqServer(options: HqServerOptions): FastifyInstance {
  const { db } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({ logger: options.logger ?? { level: 'info' }, bodyLimit: 8 * 1024 * 1024 });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HqError) {
      return reply.status(status[error.code]).send({ error: { code: error.code, message: error.message } });
    }
    if (error instanceof PositionConflict) {
      return reply
        .status(409)
        .send({ error: { code: error.reason, message: error.message }, position: error.position });
    }
    if (error instanceof FeedExpired) {
      return reply
        .status(410)
        .send({ error: { code: 'cursor_expired', message: error.message }, floor: error.floor });
    }
    if (error instanceof z.ZodError) {
      const fields = Object.fromEntries(
        error.issues.map((issue) => [issue.path.join('.') || '_', issue.code]),
      );
      return reply.status(400).send({ error: { code: 'invalid_input', message: 'Invalid request', fields } });
    }
    const { statusCode, message } = error as { statusCode?: number; message?: string };
    if (statusCode && statusCode < 500) {
      // Fastify's own refusals: a body that is not JSON, too large, an unsupported media type.
      return reply.status(statusCode).send({ error: { code: 'bad_request', message: message ?? '' } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong' } });
  });

  app.get('/health', async () => {
    await sql`SELECT 1`.execute(db);
    return { ok: true };
  });

  app.post('/v1/enrol', async (request) => {
    const input = enrolInput.parse(request.body);
    const credential = await enrol(db, input, now());
    request.log.info({ deviceId: credential.deviceId, store: credential.storeCode }, 'device enrolled');
    return credential;
  });

  // Everything else under /v1 is a device's own call.
  app.register(async (scope) => {
    scope.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
      const credential = credentialOf(request);
      if (!credential) throw new HqError('unauthenticated', 'Send Authorization: Device <id>:<secret>');
      request.device = await authenticate(db, credential.deviceId, credential.secret, now());
    });
    scope.get('/v1/whoami', async (request) => request.device);
    scope.post('/v1/push', async (request) => {
      const device = request.device as AuthenticatedDevice;
      const answer = await pushBatch(db, device, pushRequestSchema.parse(request.body), now());
      request.log.info(
        { deviceId: device.deviceId, rows: (request.body as { rows: unknown[] }).rows.length, ...answer },
        'push',
      );
      return answer;
    });
    scope.get('/v1/lookup', async (request) =>
      lookUp(db, request.device as AuthenticatedDevice, lookupQuerySchema.parse(request.query)),
    );
    scope.get('/v1/pull', async (request) => {
      const query = pullQuery.parse(request.query);
      return feedPage(db, request.device as AuthenticatedDevice, query.after, {
        limit: query.limit,
        download: query.download === '1',
      });
    });
  });

  return app;
}
