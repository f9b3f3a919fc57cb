import type { partsContract } from '../../../shared/contract-parts';
import type { HandlerGroup } from '../handlers';
import { findByCode, getPart, listStock, savePart } from './parts.service';
import { countStock } from './stock-count.service';
import { atVendor, checkStock, movements, reorderList } from './stock-reports.service';
import { adjust, receive, returnToVendor, unuse, use } from './stock.service';

export const partsHandlers: HandlerGroup<keyof typeof partsContract> = {
  'parts.list': listStock,
  'parts.get': getPart,
  'parts.findByCode': findByCode,
  'parts.save': savePart,
  'parts.receive': receive,
  'parts.use': use,
  'parts.unuse': unuse,
  'parts.returnToVendor': returnToVendor,
  'parts.adjust': adjust,
  'parts.count': countStock,
  'parts.movements': movements,
  'parts.reorder': reorderList,
  'parts.atVendor': atVendor,
  'parts.check': checkStock,
};
