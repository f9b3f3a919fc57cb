import type { Random } from './random';

/**
 * Where a device goes when the store cannot repair it itself: the brand's authorised service centre
 * (or a local repair shop for brands without one nearby), with the return number it issues.
 */
type Vendor = { name: string; rmaPrefix: string; digits: number };

const vendor = (name: string, rmaPrefix: string, digits = 10): Vendor => ({ name, rmaPrefix, digits });

const byBrand: Record<string, Vendor> = {
  Huawei: vendor('华为授权服务中心', 'HW'),
  Honor: vendor('荣耀授权服务中心', 'HN'),
  Apple: vendor('Apple 授权服务商', 'R', 9),
  Xiaomi: vendor('小米之家售后', 'MI'),
  OPPO: vendor('OPPO 官方服务中心', 'OP'),
  vivo: vendor('vivo 客户服务中心', 'VV'),
  Samsung: vendor('三星电子售后服务中心', 'SS'),
  OnePlus: vendor('一加官方服务中心', 'OP'),
  Lenovo: vendor('联想服务站', 'LX'),
  Dell: vendor('戴尔授权服务中心', 'DL'),
  HP: vendor('惠普授权服务中心', 'HP'),
  ASUS: vendor('华硕服务中心', 'AS'),
  Hisense: vendor('海信售后服务网点', 'HX'),
  TCL: vendor('TCL 售后服务网点', 'TC'),
  Skyworth: vendor('创维售后服务站', 'CW'),
  Haier: vendor('海尔售后服务中心', 'HE'),
  Midea: vendor('美的售后网点', 'MD'),
  'Little Swan': vendor('小天鹅售后网点', 'XT'),
  Gree: vendor('格力售后服务站', 'GL'),
  AUX: vendor('奥克斯售后服务站', 'AX'),
  Siemens: vendor('西门子家电售后服务中心', 'SM'),
  Sony: vendor('索尼授权服务中心', 'SN'),
  Dyson: vendor('戴森授权服务中心', 'DY'),
};

const localShops = [vendor('城东电子维修中心', 'CD', 6), vendor('恒信家电维修部', 'HXW', 6)];

export type VendorTrip = { vendor: string; rmaNo: string };

export function vendorFor(random: Random, brand: string): VendorTrip {
  // Now and then the authorised centre is too far or too slow and a local shop does the job.
  const chosen = (!random.chance(0.08) && byBrand[brand]) || random.pick(localShops);
  return { vendor: chosen.name, rmaNo: chosen.rmaPrefix + random.digits(chosen.digits) };
}
