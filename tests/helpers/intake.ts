import { randomUUID } from 'node:crypto';
import type { InputOf } from '../../shared/contract';

/** A complete, valid phone intake; tests change what they are about. */
export function phoneIntake(overrides: Partial<InputOf<'tickets.create'>> = {}): InputOf<'tickets.create'> {
  return {
    idempotencyKey: randomUUID(),
    customer: { name: '王伟', phones: ['138 0013 8000'] },
    device: {
      categoryId: 'phone',
      brand: 'Huawei',
      model: 'Mate 60 Pro',
      colour: '雅川青',
      serial: '865432109876543',
      purchaseDate: '2026-11-19',
      invoiceNo: 'FP-2026-0001',
      seller: '南京路旗舰店',
    },
    reportedFault: '屏幕闪烁，偶尔黑屏',
    faultCodes: ['screen'],
    condition: {
      screen_cracked: 'ok',
      scratches: 'damaged',
      dents: 'ok',
      water_marks: 'ok',
      buttons: 'ok',
      camera: 'ok',
    },
    accessories: ['charger', 'case'],
    passcode: '123456',
    serviceType: 'C',
    estimateFen: 0,
    diagnosisFeeFen: 0,
    deposit: null,
    promisedDate: '2026-11-25',
    shelfLocation: 'A-03',
    ...overrides,
  };
}

/** A minimal valid JPEG header (enough for the type check; the bytes are stored as given). */
export const tinyJpegBase64 = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9,
]).toString('base64');
