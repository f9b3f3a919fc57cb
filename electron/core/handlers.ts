import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import * as auth from './auth/auth.service';
import * as backup from './backup/backup.service';
import * as catalogue from './catalogue/catalogue.service';
import { findCustomers } from './customers/customers.service';
import type { Ctx } from './context';
import { goodsHandlers } from './goods/goods.handlers';
import { partsHandlers } from './parts/parts.handlers';
import { repairHandlers } from './repair/repair.handlers';
import { notifyHandlers } from './notify/notify.handlers';
import { qualityHandlers } from './quality/quality.handlers';
import { reportsHandlers } from './reports/reports.handlers';
import { paymentsHandlers } from './payments/payments.handlers';
import { daycloseHandlers } from './dayclose/dayclose.handlers';
import { syncHandlers } from './sync/sync.handlers';
import * as settings from './settings/settings.service';
import * as staff from './staff/staff.service';
import { setUpStore } from './store/setup.service';
import * as store from './store/store.service';
import { printDocument, savePdf } from './printing/printing.service';
import { systemStatus } from './system/status.service';
import { createTicket } from './tickets/intake.service';
import { searchTickets } from './tickets/search.service';
import * as tickets from './tickets/tickets.service';

export type Handler<M extends MethodName> = (ctx: Ctx, input: ParsedInputOf<M>) => Promise<OutputOf<M>>;

/** Handlers for a group of methods (one feature's), joined into `handlers` below. */
export type HandlerGroup<Methods extends MethodName> = { [M in Methods]: Handler<M> };

/** Method name -> service function. The type makes a missing or mistyped method a compile error. */
export const handlers: HandlerGroup<MethodName> = {
  'system.status': systemStatus,
  'setup.create': setUpStore,
  'auth.roster': auth.roster,
  'auth.signIn': auth.signIn,
  'auth.signOut': auth.signOut,
  'auth.me': auth.me,
  'auth.lock': auth.lock,
  'auth.unlock': auth.unlock,
  'auth.override': auth.grantOverride,
  'auth.setLanguage': auth.setLanguage,
  'staff.list': staff.listAllStaff,
  'staff.create': staff.createStaff,
  'staff.update': staff.updateStaff,
  'staff.resetPin': staff.resetPin,
  'staff.unlock': staff.unlockStaff,
  'store.get': store.getStore,
  'store.update': store.updateStore,
  'settings.get': settings.getSettings,
  'settings.update': settings.updateSettings,
  'printers.list': (ctx) => ctx.core.platform.listPrinters(),
  'backup.list': backup.listBackups,
  'backup.start': backup.startBackup,
  'backup.progress': backup.backupProgress,
  'backup.restore': backup.restoreBackup,
  'printing.print': printDocument,
  'printing.pdf': savePdf,
  'catalogue.get': catalogue.getCatalogue,
  'catalogue.saveCategory': catalogue.saveCategory,
  'catalogue.suggest': catalogue.suggest,
  'customers.find': findCustomers,
  'tickets.assessWarranty': tickets.previewWarranty,
  'tickets.create': createTicket,
  'tickets.get': tickets.getTicket,
  'tickets.photo': tickets.getPhoto,
  'tickets.search': searchTickets,
  'tickets.list': tickets.listTickets,
  'tickets.printed': tickets.recordPrints,
  ...goodsHandlers,
  ...partsHandlers,
  ...repairHandlers,
  ...notifyHandlers,
  ...qualityHandlers,
  ...reportsHandlers,
  ...paymentsHandlers,
  ...daycloseHandlers,
  ...syncHandlers,
};
