import type Database from 'better-sqlite3';
import type { MovementKind } from '../../shared/parts';
import { Random } from './random';

/**
 * A store's spare parts and a year of their stock ledger, written with bare prepared statements in
 * one transaction: parts for phones, laptops, TVs and appliances (Chinese and English names, SKUs,
 * EAN-13 barcodes, suppliers, reorder levels), each with its history of receipts, parts used on
 * the store's own tickets, returns to vendors under RMA numbers (most back again), adjustments and
 * counts. `on_hand` is the sum of each part's entries and never dips below zero along the way, so
 * parts.check finds nothing to report. Like the ticket seed, it writes no audit or outbox rows.
 */

type Family = { code: string; models: string[]; parts: [string, string, string, number][] };

const list = (text: string) => text.split('|');
/** [SKU code, Chinese, English, typical cost in yuan] per part type. */
const phoneParts: Family['parts'] = [
  ['SCR', '屏幕总成', 'Screen assembly', 380],
  ['BAT', '电池', 'Battery', 90],
  ['CHG', '尾插排线', 'Charging port flex', 35],
  ['RCAM', '后置摄像头', 'Rear camera', 220],
  ['FCAM', '前置摄像头', 'Front camera', 80],
  ['EAR', '听筒', 'Earpiece speaker', 25],
  ['SPK', '扬声器', 'Loudspeaker', 30],
  ['BGL', '后盖玻璃', 'Back glass', 60],
  ['FRM', '中框', 'Middle frame', 150],
  ['PWR', '开机排线', 'Power button flex', 20],
  ['SIM', '卡托', 'SIM tray', 8],
];
const families: Family[] = [
  {
    code: 'PH',
    models: list(
      'iPhone 15 Pro Max|iPhone 15 Pro|iPhone 15|iPhone 14 Pro|iPhone 14|iPhone 13|iPhone 13 mini|iPhone 12|iPhone 11|' +
        'Huawei Mate 60 Pro|Huawei Mate 60|Huawei Mate 50 Pro|Huawei P60 Pro|Huawei nova 12 Pro|Huawei Pura 70 Pro|' +
        'Xiaomi 14|Xiaomi 14 Pro|Xiaomi 13|Redmi K70|Redmi Note 13 Pro|Redmi Note 12|OPPO Reno11|OPPO Find X7|' +
        'vivo X100|vivo S18|Honor Magic6|Honor 100|OnePlus 12|Samsung Galaxy S24|Samsung Galaxy A54',
    ),
    parts: phoneParts,
  },
  {
    code: 'NB',
    models: list(
      'ThinkPad X1 Carbon Gen 11|ThinkPad T14|Lenovo 小新 Pro 14|Lenovo 拯救者 Y9000P|Huawei MateBook 14|' +
        'MacBook Air M2|MacBook Pro 14|Dell XPS 13|Dell Inspiron 14|HP 战66|ASUS 无畏 Pro 15|Xiaomi RedmiBook Pro 15',
    ),
    parts: [
      ['KBD', '键盘', 'Keyboard', 160],
      ['BAT', '电池', 'Battery', 260],
      ['LCD', '液晶屏', 'LCD panel', 650],
      ['ADP', '65W 电源适配器', '65W power adapter', 90],
      ['FAN', '散热风扇', 'Cooling fan', 70],
      ['HNG', '屏轴', 'Hinge set', 55],
      ['SSD', '512GB 固态硬盘', '512GB SSD', 280],
      ['TPD', '触控板', 'Touchpad', 120],
    ],
  },
  {
    code: 'TV',
    models: list(
      'Hisense 65E3H|Hisense 55E5K|TCL 55V8|TCL 65Q10G|Xiaomi 电视 A Pro 65|Sony X90L|Skyworth 55A3D|Haier LU65C61',
    ),
    parts: [
      ['PSU', '电源板', 'Power board', 260],
      ['MB', '主板', 'Main board', 420],
      ['LED', '背光灯条 (一套)', 'LED backlight strips (set)', 180],
      ['TCON', '逻辑板', 'T-con board', 150],
      ['RMT', '遥控器', 'Remote control', 35],
      ['SPK', '喇叭', 'Speaker', 40],
    ],
  },
  {
    code: 'WM',
    models: list(
      'Haier EG100MATE2S|Haier XQB100-Z206|Midea MG100V11F|LittleSwan TG100V88|Siemens WM12P2602W|Panasonic XQG100',
    ),
    parts: [
      ['VLV', '进水阀', 'Inlet valve', 45],
      ['PMP', '排水泵', 'Drain pump', 85],
      ['SEAL', '门封圈', 'Door seal', 120],
      ['PCB', '电脑板', 'Control board', 320],
      ['LOCK', '门锁', 'Door lock', 60],
      ['SHK', '减震器', 'Shock absorber', 50],
      ['BLT', '皮带', 'Drive belt', 25],
    ],
  },
  {
    code: 'AC',
    models: list(
      'Gree 云佳 KFR-35GW|Gree 天仕 KFR-72LW|Midea 酷省电 KFR-35GW|Haier 静悦 KFR-26GW|AUX KFR-35GW|Daikin FTXR236',
    ),
    parts: [
      ['CAP', '压缩机电容', 'Compressor capacitor', 30],
      ['FMO', '室外风机', 'Outdoor fan motor', 210],
      ['RMT', '遥控器', 'Remote control', 35],
      ['NTC', '感温探头', 'Temperature sensor', 15],
      ['VLV4', '四通阀', 'Four-way valve', 140],
      ['PCB', '主控板', 'Main control board', 280],
    ],
  },
];
const grades: [string, string, string, number][] = [
  ['OEM', '原装', 'OEM', 1],
  ['AM', '高品质兼容', 'aftermarket', 0.55],
  ['REF', '拆机', 'refurbished', 0.7],
];
const suppliers = list(
  '深圳华强北配件行|广州天河电子配件|上海飞利浦配件中心|义乌联信通讯|杭州家电维修配件|北京中关村数码配件',
);
const reasons = list('来料不良|摔坏报废|盘点差异|样品借出归还|Damaged in workshop');

/** EAN-13 check digit over the first 12 digits. */
function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

/** A model as it appears in a SKU: `iPhone 15 Pro Max` -> `IPHONE15PROMAX`. */
const modelCode = (model: string) =>
  model
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 24) || 'GEN';

type Move = {
  at: number;
  kind: MovementKind;
  quantity: number;
  ticketId?: string;
  vendor?: string;
  rmaNo?: string;
  reason?: string;
};

export type SeedPartsOptions = {
  storeId: string;
  /** How many parts. */
  parts: number;
  seed?: number;
  /** The end of the history (ms); it covers the year before. Now by default. */
  now?: number;
};

export type SeedPartsSummary = { parts: number; movements: number };

/**
 * Seeds `options.parts` parts and their ledger into an open database for a set-up store with staff.
 * Parts are used on the store's most recent tickets (if it has any).
 */
export function seedParts(sqlite: Database.Database, options: SeedPartsOptions): SeedPartsSummary {
  const random = new Random(options.seed ?? 1);
  const end = options.now ?? Date.now();
  const start = end - 365 * 86_400_000;
  const staff = sqlite
    .prepare('SELECT id, role FROM staff WHERE store_id = ? AND active = 1')
    .all(options.storeId) as {
    id: string;
    role: string;
  }[];
  const workers = staff.filter((s) => s.role !== 'admin').map((s) => s.id);
  const bosses = staff.filter((s) => s.role === 'supervisor' || s.role === 'admin').map((s) => s.id);
  if (bosses.length === 0) throw new Error('seedParts needs a set-up store with staff');
  const tickets = (
    sqlite
      .prepare(
        'SELECT id, received_at FROM tickets WHERE store_id = ? AND received_at >= ? ORDER BY received_at LIMIT 50000',
      )
      .all(options.storeId, start) as { id: string; received_at: number }[]
  ).filter((t) => t.received_at < end - 86_400_000);
  const lastSeq = (
    sqlite.prepare('SELECT max(seq) AS n FROM stock_movements WHERE store_id = ?').get(options.storeId) as {
      n: number | null;
    }
  ).n;

  const insertPart =
    sqlite.prepare(`INSERT INTO parts (id, store_id, sku, barcode, name, compatible_models, cost_fen,
    price_fen, reorder_level, supplier, active, on_hand, created_at, updated_at) VALUES (${Array(14).fill('?')})`);
  const insertMove =
    sqlite.prepare(`INSERT INTO stock_movements (id, store_id, seq, part_id, kind, quantity, balance_after,
    ticket_id, vendor, rma_no, reason, staff_id, override_by, at) VALUES (${Array(14).fill('?')})`);
  const all: { partId: string; move: Move; balance: number }[] = [];
  const combos = families.flatMap((family) =>
    family.models.flatMap((model) =>
      family.parts.flatMap((part) => grades.map((grade) => ({ family, model, part, grade }))),
    ),
  );

  const write = sqlite.transaction(() => {
    for (let i = 0; i < options.parts; i++) {
      const { family, model, part, grade } = combos[i % combos.length] as (typeof combos)[number];
      const round = Math.floor(i / combos.length);
      const [code, zh, en, baseCost] = part;
      const sku = `${code}-${modelCode(model)}-${grade[0]}${round > 0 ? `-${round}` : ''}`;
      const english = random.chance(0.25);
      const name = english
        ? `${en} for ${model} (${grade[2]})`
        : `${model} ${zh}${grade[0] === 'OEM' ? '' : `（${grade[1]}）`}`;
      const costFen = Math.round(baseCost * grade[3] * (0.8 + random.float() * 0.4)) * 100;
      const priceFen = Math.round((costFen * (1.4 + random.float() * 0.8)) / 100) * 100;
      const reorderLevel = random.chance(0.2) ? 0 : random.int(1, baseCost > 200 ? 2 : 5);
      const supplier = random.pick(suppliers);
      const createdAt = start + Math.floor(random.float() * 0.5 * (end - start));
      const id = random.uuid7(createdAt);
      const moves = history(random, { createdAt, end, reorderLevel, supplier, tickets, family });
      let balance = 0;
      for (const move of moves) {
        balance += move.quantity;
        all.push({ partId: id, move, balance });
      }
      const barcode = random.chance(0.9) ? ean13(`69${String(10_000_000_000 + i * 7919).slice(-10)}`) : '';
      insertPart.run(
        id,
        options.storeId,
        sku,
        barcode,
        name,
        JSON.stringify(family.code === 'PH' || random.chance(0.5) ? [model] : []),
        costFen,
        priceFen,
        reorderLevel,
        supplier,
        random.chance(0.97) ? 1 : 0,
        balance,
        createdAt,
        createdAt,
      );
    }
    // One ledger for the store, numbered in time order across parts.
    all.sort((a, b) => a.move.at - b.move.at);
    let seq = lastSeq ?? 0;
    for (const { partId, move, balance } of all) {
      const boss = move.kind === 'adjusted';
      insertMove.run(
        random.uuid7(move.at),
        options.storeId,
        ++seq,
        partId,
        move.kind,
        move.quantity,
        balance,
        move.ticketId ?? null,
        move.vendor ?? '',
        move.rmaNo ?? '',
        move.reason ?? '',
        random.pick(boss || workers.length === 0 ? bosses : workers),
        null,
        move.at,
      );
    }
  });
  write();
  return { parts: options.parts, movements: all.length };
}

/**
 * One part's entries in time order, its balance never below zero: a first delivery, parts used on
 * tickets (restocked when short), now and then a return to the vendor (usually back within weeks),
 * an adjustment and a count.
 */
function history(
  random: Random,
  p: {
    createdAt: number;
    end: number;
    reorderLevel: number;
    supplier: string;
    tickets: { id: string; received_at: number }[];
    family: Family;
  },
): Move[] {
  const day = 86_400_000;
  const span = p.end - p.createdAt;
  const at = () => p.createdAt + day + Math.floor(random.float() * (span - 2 * day));
  const planned: Move[] = [];
  const uses = p.tickets.length > 0 ? random.int(0, p.family.code === 'PH' ? 8 : 3) : 0;
  for (let i = 0; i < uses; i++) {
    const ticket = p.tickets[random.int(0, p.tickets.length - 1)] as { id: string; received_at: number };
    if (ticket.received_at <= p.createdAt) continue;
    const used = Math.min(p.end - 1, ticket.received_at + random.int(1, 48) * 3_600_000);
    planned.push({ at: used, kind: 'used', quantity: -1, ticketId: ticket.id });
  }
  if (random.chance(0.04)) {
    const sent = at();
    const rmaNo = `RMA${new Date(sent).toISOString().slice(2, 7).replace('-', '')}${random.digits(4)}`;
    planned.push({
      at: sent,
      kind: 'returned_to_vendor',
      quantity: -1,
      vendor: p.supplier,
      rmaNo,
      reason: '来料不良',
    });
    const back = sent + random.int(5, 40) * day;
    if (back < p.end && random.chance(0.7)) {
      planned.push({ at: back, kind: 'received', quantity: 1, vendor: p.supplier, rmaNo });
    }
  }
  if (random.chance(0.03))
    planned.push({
      at: at(),
      kind: 'adjusted',
      quantity: random.chance(0.7) ? -1 : 1,
      reason: random.pick(reasons),
    });
  if (random.chance(0.1)) planned.push({ at: at(), kind: 'counted', quantity: random.chance(0.8) ? 0 : -1 });
  planned.sort((a, b) => a.at - b.at);

  const restock = () => Math.max(p.reorderLevel * 2, 2) + random.int(0, 4);
  const moves: Move[] = [{ at: p.createdAt, kind: 'received', quantity: restock() }];
  let balance = moves[0]?.quantity ?? 0;
  for (const move of planned) {
    if (balance + move.quantity < 0) {
      // Short: a delivery came in shortly before (a count finds nothing missing from an empty shelf).
      if (move.kind === 'counted') move.quantity = 0;
      else {
        const quantity = restock();
        const previous = moves[moves.length - 1]?.at ?? p.createdAt;
        moves.push({
          at: Math.min(move.at, Math.max(previous + 1, move.at - 3_600_000)),
          kind: 'received',
          quantity,
        });
        balance += quantity;
      }
    }
    balance += move.quantity;
    moves.push(move);
  }
  // Most shops reorder when a part runs low: only some are still waiting for stock at the end.
  const last = moves[moves.length - 1]?.at ?? p.createdAt;
  if (balance <= p.reorderLevel && last < p.end - day && random.chance(0.75)) {
    moves.push({
      at: last + Math.floor(random.float() * (p.end - last)),
      kind: 'received',
      quantity: restock(),
    });
  }
  return moves;
}
