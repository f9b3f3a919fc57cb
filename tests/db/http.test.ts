import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer, maxBodyBytes } from '../../electron/http/server';
import type { Core } from '../../electron/core/core';
import { latestSchemaVersion } from '../../electron/core/db/migrations';
import { openTestCore, setUpStore, tableCounts, tempDir } from '../helpers/core';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(core: Core): Promise<string> {
  server = createAppServer(() => core, tempDir());
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${url}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

async function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
}

describe('browser mode POST /rpc', () => {
  it('answers system.status without a session', async () => {
    const core = await openTestCore();
    const url = await start(core);
    const response = await post(url, JSON.stringify({ method: 'system.status', input: {} }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: {
        appVersion: '0.0.0-test',
        schemaVersion: latestSchemaVersion,
        setUp: false,
        storeName: null,
        timeZone: null,
        language: 'zh-CN',
      },
    });
  });

  it('refuses bad requests with a 4xx and a stable code, keeps serving, and writes nothing', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const url = await start(core);
    const auth = { Authorization: `Bearer ${adminToken}` };
    const before = tableCounts(core);

    await expectRefusal(await post(url, '{"method": "system.status", "inp'), 400, 'bad_json');
    await expectRefusal(
      await post(url, JSON.stringify({ method: 'tickets.shred', input: {} }), auth),
      404,
      'unknown_method',
    );
    await expectRefusal(await post(url, JSON.stringify({ nomethod: true })), 400, 'invalid_input');
    await expectRefusal(
      await post(
        url,
        JSON.stringify({ method: 'staff.create', input: { name: '', role: 'boss', pin: '1' } }),
        auth,
      ),
      400,
      'invalid_input',
    );
    await expectRefusal(
      await post(
        url,
        JSON.stringify({ method: 'staff.create', input: { name: 'x', role: 'clerk', pin: '1234' } }),
      ),
      401,
      'unauthenticated',
    );
    const huge = JSON.stringify({
      method: 'settings.update',
      input: { receiptTerms: 'x'.repeat(maxBodyBytes) },
    });
    await expectRefusal(await post(url, huge, auth), 413, 'payload_too_large');
    const plain = await fetch(`${url}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(plain.status).toBe(415);

    expect(tableCounts(core)).toEqual(before);
    const still = await post(url, JSON.stringify({ method: 'store.get', input: {} }), auth);
    expect(await still.json()).toMatchObject({ ok: true, value: { code: 'SH01' } });
  });

  it('refuses requests addressed to another host or sent from another origin (DNS rebinding)', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const url = await start(core);
    const { port } = new URL(url);
    const call = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/rpc',
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${adminToken}`,
              ...headers,
            },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ method: 'staff.list', input: {} }));
      });
    const rebound = await call({ Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call({ Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await call({ Host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('serves pages with the CSP and no-sniff headers', async () => {
    const core = await openTestCore();
    const url = await start(core);
    const response = await fetch(`${url}/missing.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
