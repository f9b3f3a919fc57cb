import type { Category } from '../../../shared/catalogue';
import { daysBetween } from '../../../shared/dates';
import type { IntakeParsed } from '../../../shared/intake';
import { failWith } from '../../../shared/result';

/**
 * The checks zod cannot make alone: what this category requires, keys that belong to this category,
 * dates relative to today, and a deposit above the estimate without the clerk's confirmation. All
 * problems are reported at once, as field codes the form translates.
 */
export function checkIntake(input: IntakeParsed, category: Category, today: string): void {
  const fields: Record<string, string> = {};
  const keysOf = (list: { key: string }[]) => new Set(list.map((item) => item.key));
  const unknown = (keys: string[], allowed: Set<string>) => keys.some((key) => !allowed.has(key));

  if (unknown(input.faultCodes, keysOf(category.faultCodes))) fields.faultCodes = 'unknown_key';
  if (unknown(Object.keys(input.condition), keysOf(category.checklist))) fields.condition = 'unknown_key';
  if (unknown(input.accessories, keysOf(category.accessories))) fields.accessories = 'unknown_key';
  if (input.warrantyPart && !keysOf(category.warrantyParts).has(input.warrantyPart))
    fields.warrantyPart = 'unknown_key';

  for (const field of category.requiredFields) {
    const missing = {
      serial: !input.device.serial,
      colour: !input.device.colour,
      model: !input.device.model,
      purchaseDate: !input.device.purchaseDate,
      invoiceNo: !input.device.invoiceNo,
      passcode: !input.passcode,
      // Every checklist item answered, so "not noted" never passes for "no damage".
      condition: category.checklist.some((item) => !input.condition[item.key]),
      // Received accessories ticked, or a note such as "none" written: an explicit answer either way.
      accessories: input.accessories.length === 0 && !input.accessoriesNote,
      shelfLocation: !input.shelfLocation,
      photos: input.photos.length === 0,
    }[field];
    const path = {
      serial: 'device.serial',
      colour: 'device.colour',
      model: 'device.model',
      purchaseDate: 'device.purchaseDate',
      invoiceNo: 'device.invoiceNo',
    }[field as 'serial'];
    if (missing) fields[path ?? field] = 'required';
  }

  if (daysBetween(today, input.promisedDate) < 0) fields.promisedDate = 'date_in_past';
  if (input.device.purchaseDate && daysBetween(input.device.purchaseDate, today) < 0) {
    fields['device.purchaseDate'] = 'date_in_future';
  }
  if (input.deposit && input.deposit.amountFen > input.estimateFen && !input.depositAboveEstimateConfirmed) {
    fields['deposit.amountFen'] = 'deposit_above_estimate';
  }
  if (Object.keys(fields).length > 0)
    failWith('invalid_input', 'The intake is incomplete or inconsistent', { fields });
}

/** Free (C) versus paid (A, B, D): overriding the engine across that line needs a reason. */
export function overridesWarranty(suggested: 'A' | 'C', chosen: string): boolean {
  return (suggested === 'C') !== (chosen === 'C');
}

/** Decodes a photo and checks its bytes are the image type it claims (at most 1.5 MB). */
export function decodePhoto(photo: IntakeParsed['photos'][number], index: number): Buffer {
  const data = Buffer.from(photo.base64, 'base64');
  const signatures: Record<string, (b: Buffer) => boolean> = {
    'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
    'image/png': (b) => b.subarray(0, 4).toString('hex') === '89504e47',
    'image/webp': (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP',
  };
  if (data.length > 1_500_000)
    failWith('invalid_input', 'Photo too large', { fields: { [`photos.${index}`]: 'too_big' } });
  if (!signatures[photo.mime]?.(data)) {
    failWith('invalid_input', 'Not an image of the stated type', {
      fields: { [`photos.${index}`]: 'invalid' },
    });
  }
  return data;
}
