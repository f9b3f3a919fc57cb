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

/**
 * What the technician finds and does, per fault code: the diagnosis, its cause and the repair, in
 * Chinese and (for the technicians who write English) in English, as [zh, en] pairs of
 * [diagnosis, cause, action taken].
 */
type Finding = [string, string, string];
const findings: Record<string, [Finding, Finding][]> = {
  no_power: [
    [
      ['主板供电电路短路', '主板元件老化', '更换供电芯片，主板除锈清洁'],
      [
        'Short in the main board power circuit',
        'Ageing board components',
        'Replaced the power IC, cleaned the board',
      ],
    ],
    [
      ['电池无法放电，保护板损坏', '电池老化', '更换电池'],
      ['Battery will not discharge, protection board failed', 'Worn battery', 'Replaced the battery'],
    ],
    [
      ['电源按键排线断裂', '按键长期使用磨损', '更换开机排线'],
      ['Power button flex cable broken', 'Wear from long use', 'Replaced the power flex cable'],
    ],
  ],
  other: [
    [
      ['外壳卡扣断裂，后盖松动', '跌落', '更换后盖并重新装配'],
      ['Back cover clips broken, cover loose', 'Dropped', 'Replaced the back cover and refitted'],
    ],
    [
      ['全面检测未发现硬件故障', '客户使用习惯', '清洁保养，恢复出厂设置'],
      ['Full test found no hardware fault', 'Usage habits', 'Cleaned and serviced, factory reset'],
    ],
  ],
  screen: [
    [
      ['屏幕总成损坏，内屏漏液', '跌落撞击', '更换屏幕总成'],
      ['Display assembly damaged, panel leaking', 'Impact from a drop', 'Replaced the display assembly'],
    ],
    [
      ['显示排线接触不良', '排线座氧化', '清洁并重新扣合排线，加固'],
      [
        'Display flex cable making poor contact',
        'Oxidised connector',
        'Cleaned and reseated the flex, secured it',
      ],
    ],
  ],
  touch: [
    [
      ['触摸屏失灵，触控IC虚焊', '主板受压变形', '重新焊接触控IC'],
      ['Touch IC has a cold joint', 'Board flexed under pressure', 'Reflowed the touch IC'],
    ],
    [
      ['外屏破裂导致触摸失灵', '跌落', '更换外屏'],
      ['Cracked glass stops touch working', 'Dropped', 'Replaced the glass'],
    ],
  ],
  battery: [
    [
      ['电池健康度低于70%，已鼓包', '电池老化', '更换原装电池'],
      ['Battery health under 70%, swollen', 'Worn battery', 'Fitted a genuine battery'],
    ],
    [
      ['电量计量芯片异常', '系统校准错误', '校准电量并更换电池'],
      ['Fuel gauge reading wrongly', 'Calibration error', 'Recalibrated and replaced the battery'],
    ],
  ],
  charging: [
    [
      ['尾插接口损坏，接触不良', '插拔磨损，进灰', '更换尾插小板'],
      ['Charging port worn, poor contact', 'Wear and lint in the port', 'Replaced the charging port board'],
    ],
    [
      ['充电管理芯片损坏', '使用非原装充电器', '更换充电IC'],
      ['Charging IC failed', 'Non-original charger', 'Replaced the charging IC'],
    ],
  ],
  audio: [
    [
      ['听筒损坏，无声', '进灰受潮', '更换听筒'],
      ['Earpiece dead', 'Dust and damp', 'Replaced the earpiece'],
    ],
    [
      ['音频芯片虚焊', '跌落', '重焊音频芯片'],
      ['Audio codec has a cold joint', 'Dropped', 'Reflowed the audio codec'],
    ],
  ],
  signal: [
    [
      ['天线触点氧化，信号弱', '受潮', '清洁天线触点，更换天线弹片'],
      ['Antenna contacts oxidised, weak signal', 'Damp', 'Cleaned the contacts, replaced the antenna spring'],
    ],
    [
      ['卡槽损坏，无法识别SIM卡', '插卡方式不当', '更换卡槽'],
      ['SIM tray damaged, card not read', 'Card inserted wrongly', 'Replaced the SIM reader'],
    ],
  ],
  liquid: [
    [
      ['主板进水腐蚀，多处短路', '进水', '主板超声波清洗，更换腐蚀元件'],
      [
        'Liquid corrosion on the board, several shorts',
        'Liquid damage',
        'Ultrasonic clean, replaced corroded parts',
      ],
    ],
  ],
  software: [
    [
      ['系统文件损坏，无法正常启动', '升级中断', '刷机重装系统'],
      ['Corrupt system files, will not boot', 'Interrupted update', 'Reflashed the firmware'],
    ],
    [
      ['存储空间已满导致卡顿', '缓存文件过多', '清理数据，更新系统'],
      ['Storage full, slow', 'Too much cached data', 'Cleared data, updated the system'],
    ],
  ],
  keyboard: [
    [
      ['键盘排线损坏，部分按键失灵', '键盘进液', '更换键盘'],
      ['Keyboard ribbon damaged, keys dead', 'Liquid on the keyboard', 'Replaced the keyboard'],
    ],
  ],
  overheating: [
    [
      ['散热风扇老化，导热硅脂干涸', '长期积灰', '清灰，更换风扇和硅脂'],
      ['Fan worn, thermal paste dried out', 'Dust build-up', 'Cleaned, replaced the fan and paste'],
    ],
  ],
  storage: [
    [
      ['硬盘坏道，无法识别', '硬盘老化', '更换固态硬盘并安装系统'],
      ['Disk has bad sectors, not detected', 'Ageing disk', 'Fitted an SSD and installed the system'],
    ],
  ],
  no_picture: [
    [
      ['背光灯条损坏', '灯珠老化', '更换背光灯条'],
      ['Backlight strip failed', 'LEDs worn out', 'Replaced the backlight strips'],
    ],
    [
      ['主板输出异常', '雷击电压冲击', '更换主板'],
      ['Main board gives no output', 'Power surge', 'Replaced the main board'],
    ],
  ],
  no_sound: [
    [
      ['功放电路损坏', '电压不稳', '更换功放芯片'],
      ['Amplifier circuit failed', 'Unstable mains voltage', 'Replaced the amplifier IC'],
    ],
  ],
  lines: [
    [
      ['屏线接触不良，逻辑板异常', '屏幕老化', '更换逻辑板'],
      ['Panel cable loose, T-con board faulty', 'Ageing panel', 'Replaced the T-con board'],
    ],
  ],
  leak: [
    [
      ['排水管堵塞', '积垢', '疏通排水管并清洗'],
      ['Drain pipe blocked', 'Build-up of dirt', 'Cleared and flushed the drain'],
    ],
    [
      ['进水阀密封圈老化', '橡胶老化', '更换密封圈'],
      ['Inlet valve seal perished', 'Ageing rubber', 'Replaced the seal'],
    ],
  ],
  no_spin: [
    [
      ['电机碳刷磨损', '长期使用', '更换碳刷'],
      ['Motor brushes worn', 'Long use', 'Replaced the motor brushes'],
    ],
    [
      ['门锁开关损坏', '门锁老化', '更换门锁'],
      ['Door lock switch failed', 'Worn lock', 'Replaced the door lock'],
    ],
  ],
  noise: [
    [
      ['滚筒轴承损坏', '超负荷使用', '更换轴承和油封'],
      ['Drum bearing worn', 'Overloading', 'Replaced the bearing and seal'],
    ],
  ],
  no_cooling: [
    [
      ['冷媒泄漏', '连接管焊点渗漏', '补焊漏点，抽真空加氟'],
      ['Refrigerant leak', 'Leaking pipe joint', 'Brazed the leak, evacuated and recharged'],
    ],
    [
      ['压缩机启动电容损坏', '电容老化', '更换启动电容'],
      ['Compressor start capacitor failed', 'Ageing capacitor', 'Replaced the start capacitor'],
    ],
  ],
  no_heating: [
    [
      ['四通阀不换向', '四通阀线圈损坏', '更换四通阀线圈'],
      ['Reversing valve stuck', 'Valve coil failed', 'Replaced the reversing valve coil'],
    ],
  ],
};

export type RepairNotes = { diagnosis: string; cause: string; actionTaken: string };

/** The technician's notes for a ticket's first fault code, in English or Chinese. */
export function repairNotes(random: Random, faultCodes: readonly string[], english: boolean): RepairNotes {
  const options = findings[faultCodes[0] ?? 'other'] ?? (findings.other as [Finding, Finding][]);
  const [zh, en] = random.pick(options);
  const [diagnosis, cause, actionTaken] = english ? en : zh;
  return { diagnosis, cause, actionTaken };
}
