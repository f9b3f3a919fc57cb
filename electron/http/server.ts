import http from 'node:http';
import sirv from 'sirv';
import { rpcRequestSchema } from '../../shared/contract';
import { contentSecurityPolicy } from '../../shared/csp';
import { fail, type ErrorCode, type Result } from '../../shared/result';
import type { Core } from '../core/core';
import { dispatch } from '../core/dispatch';
import { httpStatusFor } from './rpc-http';

export const maxBodyBytes = 1024 * 1024;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * True when the request names this server: its Host is one we listen as (a DNS-rebinding page names
 * its own domain) and any Origin is that same host (another site's page sends its own origin).
 */
export function isOwnRequest(req: http.IncomingMessage, hostnames: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  if (!hostnames.has(hostname)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Browser mode: the built renderer and `POST /rpc` over the same dispatcher as the Electron IPC
 * channel, so UI tests in Chromium exercise the real core and database. Only requests addressed to
 * loopback (or to the `extraHostname` it was told to bind) are served.
 */
export function createAppServer(
  getCore: () => Core,
  rendererDir: string,
  extraHostname?: string,
): http.Server {
  const assets = sirv(rendererDir, { dev: false, etag: true, setHeaders: setSecurityHeaders });
  const hostnames = new Set([...loopbackNames, ...(extraHostname ? [extraHostname.toLowerCase()] : [])]);
  return http.createServer((req, res) => {
    if (!isOwnRequest(req, hostnames)) {
      send(res, fail('forbidden', 'Requests must be addressed to this server'));
      return;
    }
    if (req.url === '/rpc') {
      void handleRpc(getCore, req, res).catch((error: unknown) => {
        console.error('[http] rpc failed', error);
        if (!res.headersSent) send(res, fail('internal', 'Something went wrong'));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders).end();
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, securityHeaders).end('Not found');
    });
  });
}

async function handleRpc(getCore: () => Core, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'POST') return send(res, fail('invalid_input', 'Use POST for /rpc'), 405);
  // A JSON content type forces a CORS preflight, which we never grant: other sites cannot post here.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return send(res, fail('invalid_input', 'Content-Type must be application/json'), 415);
  }
  const body = await readBody(req);
  if (body === null) {
    res.setHeader('Connection', 'close');
    return send(res, fail('payload_too_large', `The body exceeds ${maxBodyBytes} bytes`));
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return send(res, fail('bad_json', 'The body is not valid JSON'));
  }
  const envelope = rpcRequestSchema.safeParse(json);
  if (!envelope.success) {
    return send(res, fail('invalid_input', 'Expected { "method": string, "input": ... }'));
  }
  const result = await dispatch(getCore(), envelope.data.method, envelope.data.input, {
    token: bearer(req.headers.authorization),
    overrideToken: single(req.headers['x-override-token']),
  });
  send(res, result);
}

/** The body as text, or null once it passes the limit (the rest is not buffered). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, result: Result<unknown>, status?: number): void {
  const code = result.ok ? 200 : (status ?? httpStatusFor[result.error.code as ErrorCode] ?? 400);
  res.writeHead(code, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result));
}

function setSecurityHeaders(res: http.ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}

const single = (value: string | string[] | undefined) =>
  typeof value === 'string' && value.length <= 200 ? value : undefined;

const bearer = (header: string | undefined) =>
  header?.startsWith('Bearer ') ? single(header.slice('Bearer '.length)) : undefined;
