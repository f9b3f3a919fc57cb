import { Weighted, type Random } from './random';

/**
 * What customers bring in: categories from the seeded catalogue (phones most of all), realistic brands
 * and models per category, colours, sellers, and unique serials (15-digit IMEIs with a valid Luhn
 * check digit for phones, alphanumeric serials otherwise).
 */

const words = (text: string): string[] => text.trim().split(/\s+/);
const list = (text: string): string[] => text.split('|').map((s) => s.trim());

export const categoryWeights = new Weighted<string>([
  ['phone', 55],
  ['laptop', 12],
  ['tablet', 10],
  ['tv', 8],
  ['washing_machine', 6],
  ['air_conditioner', 6],
  ['other', 3],
]);

type Brand = { brand: string; weight: number; models: string[]; tac?: string };

const brand = (name: string, weight: number, models: string, tac?: string): Brand => ({
  brand: name,
  weight,
  models: list(models),
  tac,
});

const brands: Record<string, Brand[]> = {
  phone: [
    brand(
      'Huawei',
      24,
      'Mate 60 Pro|Mate 60|Mate 50 Pro|Mate 40 Pro|P60 Pro|P50|P40 Pro|nova 11|nova 12 Pro|Mate X5|Pura 70 Pro',
      '8618',
    ),
    brand(
      'Apple',
      22,
      'iPhone 15 Pro Max|iPhone 15 Pro|iPhone 15|iPhone 14 Pro|iPhone 14|iPhone 13|iPhone 13 mini|iPhone 12|iPhone 11|iPhone SE',
      '3536',
    ),
    brand(
      'Xiaomi',
      16,
      'Xiaomi 14|Xiaomi 14 Pro|Xiaomi 13|Redmi K70|Redmi Note 13 Pro|Redmi Note 12|Redmi 12C',
      '8629',
    ),
    brand('OPPO', 12, 'Find X7|Find X6 Pro|Reno 11|Reno 10 Pro|A2 Pro|A58', '8644'),
    brand('vivo', 12, 'X100 Pro|X100|X90|S18|S17 Pro|Y78|iQOO 12', '8607'),
    brand('Honor', 9, 'Magic6 Pro|Magic5|Honor 100|Honor 90|X50|Play 8T', '8690'),
    brand('Samsung', 3, 'Galaxy S24 Ultra|Galaxy S23|Galaxy Z Flip5|Galaxy A54', '3509'),
    brand('OnePlus', 2, 'OnePlus 12|OnePlus Ace 3|OnePlus 11', '8661'),
  ],
  tablet: [
    brand('Apple', 40, 'iPad Pro 11|iPad Pro 12.9|iPad Air 5|iPad 10|iPad mini 6|iPad 9'),
    brand('Huawei', 30, 'MatePad Pro 13.2|MatePad 11|MatePad Air|MatePad SE'),
    brand('Xiaomi', 18, 'Xiaomi Pad 6|Xiaomi Pad 6 Pro|Redmi Pad SE'),
    brand('Lenovo', 12, 'Xiaoxin Pad Pro|Legion Y700|Tab P11'),
  ],
  laptop: [
    brand(
      'Lenovo',
      34,
      'ThinkPad X1 Carbon|ThinkPad T14|ThinkPad E14|ThinkBook 14|Xiaoxin Pro 16|Legion R9000P|YOGA Pro 14s',
    ),
    brand('Apple', 20, 'MacBook Air M2|MacBook Air M1|MacBook Pro 14|MacBook Pro 16'),
    brand('Huawei', 16, 'MateBook X Pro|MateBook 14|MateBook D 16'),
    brand('Dell', 12, 'XPS 13|Inspiron 14|Vostro 3420|Latitude 5440'),
    brand('HP', 10, 'EliteBook 840|ProBook 440|Pavilion 14|Victus 16'),
    brand('ASUS', 8, 'Vivobook 15|ROG Zephyrus G14|Zenbook 14'),
  ],
  tv: [
    brand('Hisense', 26, '65E3F|75E7K|55A6H|85U7K'),
    brand('TCL', 24, '65T7E|75Q10G|55V8E|98Q10K'),
    brand('Skyworth', 16, '65A3D|55G33|75A5 Pro'),
    brand('Xiaomi', 18, 'Redmi A65|Xiaomi TV S75|Xiaomi TV ES55'),
    brand('Haier', 8, 'LU65X5|LU55C51'),
    brand('Sony', 8, 'KD-65X85L|XR-55A80EK'),
  ],
  washing_machine: [
    brand('Haier', 35, 'EG100MATE28S|XQG100-BD14126L|EG80B209W|XQB90-Z8068'),
    brand('Midea', 30, 'MG100V58WT|MD100VT55DG|MB80ECO'),
    brand('Little Swan', 20, 'TG100V88WMUIADY5|TD100VN02T'),
    brand('Siemens', 15, 'WG54A2X00W|WM12P2602W'),
  ],
  air_conditioner: [
    brand('Gree', 40, 'KFR-35GW/NhGc1B|KFR-26GW/FNhAa-B1|KFR-72LW/NhZbB1W'),
    brand('Midea', 32, 'KFR-35GW/N8XHC1|KFR-26GW/N8MJC3|KFR-72LW/BDN8Y-YH200'),
    brand('Haier', 18, 'KFR-35GW/05EDS81|KFR-26GW/B1KTA81U1'),
    brand('AUX', 10, 'KFR-35GW/BpR3AQE1|KFR-26GW/BpR3QYA'),
  ],
  other: [
    brand('Xiaomi', 30, 'Mi Band 8|Redmi Buds 5|Smart Speaker Pro'),
    brand('Huawei', 25, 'Watch GT 4|FreeBuds Pro 3|Watch 4'),
    brand('Apple', 25, 'AirPods Pro 2|Apple Watch Series 9|AirPods 3'),
    brand('Dyson', 20, 'V12 Detect Slim|Supersonic HD08'),
  ],
};

const brandPickers = Object.fromEntries(
  Object.entries(brands).map(([category, list]) => [category, new Weighted(list.map((b) => [b, b.weight]))]),
);

const colours: Record<string, string[]> = {
  phone: words('黑色 白色 雅川青 远峰蓝 午夜色 星光色 钛金属原色 曜石黑 冰霜银 紫色 绿色'),
  tablet: words('深空灰 银色 星光色 曜石黑 冰霜银'),
  laptop: words('深空灰 银色 黑色 午夜色'),
  tv: ['黑色', ''],
  washing_machine: words('白色 钛晶灰 银色'),
  air_conditioner: words('白色 香槟金'),
  other: words('黑色 白色 银色'),
};

const sellers = list(
  '京东自营|天猫旗舰店|苏宁易购|国美电器|华为授权体验店|Apple Store 南京东路|小米之家|拼多多|运营商合约机|',
);

export type DeviceSpec = {
  categoryId: string;
  brand: string;
  model: string;
  colour: string;
  serial: string | null;
  invoiceNo: string;
  seller: string;
};

const alnum = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const alnumOf = (random: Random, n: number) => {
  let out = '';
  for (let i = 0; i < n; i++) out += alnum[random.next32() % alnum.length];
  return out;
};

/** The Luhn check digit an IMEI ends with. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Generates devices and their serials; a serial is never handed out twice by one instance. */
export class DeviceMaker {
  private readonly serials = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly serialPrefix = '',
  ) {}

  device(categoryId: string): DeviceSpec {
    const random = this.random;
    const picked = (brandPickers[categoryId] ?? brandPickers.other)?.draw(random) as Brand;
    const hasSerial =
      !['washing_machine', 'air_conditioner', 'other'].includes(categoryId) || random.chance(0.7);
    return {
      categoryId,
      brand: picked.brand,
      model: random.pick(picked.models),
      colour: random.pick(colours[categoryId] ?? ['']),
      serial: hasSerial ? this.uniqueSerial(categoryId, picked) : null,
      invoiceNo: random.chance(0.45) ? `FP${random.digits(10)}` : '',
      seller: random.pick(sellers),
    };
  }

  private uniqueSerial(categoryId: string, picked: Brand): string {
    for (;;) {
      const serial = this.serialPrefix + this.serial(categoryId, picked);
      if (!this.serials.has(serial)) {
        this.serials.add(serial);
        return serial;
      }
    }
  }

  private serial(categoryId: string, picked: Brand): string {
    const random = this.random;
    if (categoryId === 'phone') {
      const body = (picked.tac ?? '8600') + random.digits(10 - this.serialPrefix.length);
      return body + luhnDigit(this.serialPrefix + body);
    }
    if (picked.brand === 'Apple') return (categoryId === 'laptop' ? 'C02' : 'DMP') + alnumOf(random, 9);
    if (picked.brand === 'Lenovo') return `PF${alnumOf(random, 6)}`;
    if (picked.brand === 'Dell') return alnumOf(random, 7);
    const code = picked.brand
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase();
    return code + alnumOf(random, categoryId === 'tv' || categoryId.includes('_') ? 17 : 13);
  }
}
