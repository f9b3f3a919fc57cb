import {
  settingDefaults,
  settingKeys,
  settingsFields,
  type SettingKey,
  type Settings,
} from '../../../shared/settings';
import type { Executor, Tx } from '../db/schema';

/**
 * Reads every setting; a missing or no-longer-valid stored value reads as its default, so a bad row
 * can never stop the counter from starting.
 */
export async function readSettings(db: Executor): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const result: Record<string, unknown> = { ...settingDefaults };
  for (const key of settingKeys) {
    const raw = stored.get(key);
    const parsed = raw === undefined ? undefined : settingsFields.shape[key].safeParse(safeJson(raw));
    if (parsed?.success) result[key] = parsed.data;
  }
  return result as Settings;
}

export async function writeSettings(
  trx: Tx,
  values: Partial<Settings>,
  at: number,
  by: string | null,
): Promise<void> {
  for (const [key, value] of Object.entries(values) as [SettingKey, unknown][]) {
    if (value === undefined) continue;
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: by })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: by }),
      )
      .execute();
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
