import type { AppServer } from './app-server';
import { expect } from './fixtures';

type Person = { id: string; token: string };

/**
 * The bench, through the core: the supervisor assigns, the technician diagnoses with an estimate,
 * fits the parts (their ids by SKU), logs the minutes and passes QC, and the supervisor's check
 * makes it ready. For UI tests about what happens after a repair.
 */
export async function repairToReady(
  app: AppServer,
  people: { technician: Person; supervisor: Person; parts?: Record<string, string> },
  ticket: string,
  job: { estimateFen: number; minutes: number; parts?: { sku: string }[] },
) {
  const { technician, supervisor } = people;
  const version = async () =>
    (await app.rpc<{ version: number }>('repair.card', { ticket }, supervisor.token)).version;
  await app.rpc(
    'repair.assign',
    { ticket, version: await version(), technicianId: technician.id },
    supervisor.token,
  );
  await app.rpc(
    'repair.diagnose',
    {
      ticket,
      version: await version(),
      diagnosis: '检测完成，按报价维修',
      estimateFen: job.estimateFen,
      next: 'in_repair',
    },
    technician.token,
  );
  for (const part of job.parts ?? []) {
    const partId = people.parts?.[part.sku];
    await app.rpc(
      'repair.usePart',
      { requestId: crypto.randomUUID(), ticket, partId, quantity: 1, oldPart: 'returned' },
      technician.token,
    );
  }
  await app.rpc('repair.logLabour', { ticket, minutes: job.minutes }, technician.token);
  await app.rpc(
    'repair.finish',
    { ticket, version: await version(), actionTaken: '维修完成，测试正常', qcPassed: true },
    technician.token,
  );
  const ready = await app.rpc<{ status: string }>(
    'repair.check',
    { ticket, version: await version(), passed: true },
    supervisor.token,
  );
  expect(ready.status).toBe('ready');
}
