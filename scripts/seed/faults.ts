import type { Category } from '../../shared/catalogue';
import type { Random } from './random';

/**
 * What the clerk writes down: fault codes from the category's own list with a customer's description,
 * the condition checklist (every item answered, as the intake requires), accessories received and a
 * passcode where the device has one.
 */

const phrases: Record<string, string[]> = {
  no_power: ['不开机', '按电源键无反应', '突然关机后无法开机', '开机卡在logo'],
  other: ['客户要求检测', '有异味', '外壳松动', '其他问题，详见备注'],
  screen: ['屏幕碎裂，显示花屏', '屏幕闪烁，偶尔黑屏', '屏幕出现绿线', '屏幕有亮点和漏液'],
  touch: ['触摸失灵', '屏幕局部触摸无反应', '自动乱点'],
  battery: ['电池续航差，半天就没电', '电池鼓包', '电量跳变，20%自动关机'],
  charging: ['无法充电', '充电很慢', '充电口接触不良'],
  audio: ['听筒无声', '扬声器有杂音', '通话对方听不到声音'],
  signal: ['信号差，经常无服务', '无法识别SIM卡', 'WiFi连不上'],
  liquid: ['进水后无法开机', '掉进水里，屏幕有水渍'],
  software: ['系统卡顿，频繁重启', '升级失败', '忘记锁屏密码'],
  keyboard: ['部分按键失灵', '键盘进水', '键帽脱落'],
  overheating: ['发热严重，风扇噪音大', '玩游戏时自动关机'],
  storage: ['硬盘无法识别', '开机提示找不到启动盘'],
  no_picture: ['有声音无图像', '开机后黑屏'],
  no_sound: ['无声音', '声音忽大忽小'],
  lines: ['屏幕有竖线', '画面出现横条纹'],
  leak: ['底部漏水', '室内机滴水'],
  no_spin: ['不脱水', '滚筒不转'],
  noise: ['脱水时噪音很大', '运行时异响'],
  no_cooling: ['不制冷', '制冷效果差', '外机不启动'],
  no_heating: ['不制热', '制热时吹冷风'],
};

const notes = ['', '', '', '客户很急', '已备份数据', '客户要求保留旧件', '摔过一次'];

export type FaultSpec = {
  reportedFault: string;
  faultCodes: string[];
  condition: Record<string, 'ok' | 'damaged' | 'missing'>;
  accessories: string[];
  accessoriesNote: string;
  passcode: string;
};

export function faultFor(random: Random, category: Category): FaultSpec {
  const codes = category.faultCodes.map((f) => f.key);
  const first = random.pick(codes);
  const faultCodes =
    random.chance(0.15) && codes.length > 1 ? [...new Set([first, random.pick(codes)])] : [first];
  const described = faultCodes.map((code) => {
    const own = phrases[code];
    return own ? random.pick(own) : (category.faultCodes.find((f) => f.key === code)?.zh ?? code);
  });
  const note = random.pick(notes);
  const condition: FaultSpec['condition'] = {};
  for (const item of category.checklist) {
    const r = random.float();
    condition[item.key] = r < 0.85 ? 'ok' : r < 0.98 ? 'damaged' : 'missing';
  }
  const accessories = random.subset(
    category.accessories.map((a) => a.key),
    3,
  );
  const withPasscode = category.requiredFields.includes('passcode') || random.chance(0.55);
  return {
    reportedFault: described.join('；') + (note ? `；${note}` : ''),
    faultCodes,
    condition,
    accessories,
    accessoriesNote: accessories.length === 0 ? '无' : '',
    passcode: withPasscode ? random.digits(random.chance(0.8) ? 6 : 4) : '',
  };
}
