import type { Category, Labelled } from '../../../shared/catalogue';

/** Seed data for a new store's catalogue; an admin edits it (and headquarters may publish its own). */
const l = (key: string, zh: string, en: string): Labelled => ({ key, zh, en });

const commonFaults = [l('no_power', '不开机', 'Does not power on'), l('other', '其他', 'Other')];

const phoneLike = {
  checklist: [
    l('screen_cracked', '屏幕碎裂', 'Cracked screen'),
    l('scratches', '外壳划痕', 'Scratches on the casing'),
    l('dents', '磕碰变形', 'Dents or bends'),
    l('water_marks', '进水痕迹', 'Signs of liquid'),
    l('buttons', '按键失灵', 'Buttons not working'),
    l('camera', '摄像头损坏', 'Camera damaged'),
  ],
  accessories: [
    l('charger', '充电器', 'Charger'),
    l('cable', '数据线', 'Cable'),
    l('case', '保护壳', 'Case'),
    l('sim_card', 'SIM 卡', 'SIM card'),
    l('memory_card', '存储卡', 'Memory card'),
    l('box', '包装盒', 'Box'),
  ],
  faultCodes: [
    ...commonFaults,
    l('screen', '屏幕显示异常', 'Display fault'),
    l('touch', '触摸失灵', 'Touch not responding'),
    l('battery', '电池续航差', 'Poor battery life'),
    l('charging', '无法充电', 'Will not charge'),
    l('audio', '无声或杂音', 'No sound or noise'),
    l('signal', '信号差或无网络', 'No signal or network'),
    l('liquid', '进水', 'Liquid damage'),
    l('software', '系统故障', 'Software fault'),
  ],
};

const appliance = {
  checklist: [
    l('scratches', '外观划痕', 'Scratches'),
    l('dents', '磕碰变形', 'Dents'),
    l('missing_parts', '部件缺失', 'Missing parts'),
  ],
  accessories: [
    l('remote', '遥控器', 'Remote control'),
    l('power_cord', '电源线', 'Power cord'),
    l('manual', '说明书', 'Manual'),
  ],
};

export const defaultCategories: Category[] = [
  {
    id: 'phone',
    nameZh: '手机',
    nameEn: 'Mobile phone',
    warrantyPolicyId: 'mobile_phone',
    requiredFields: ['serial', 'model', 'condition', 'accessories'],
    ...phoneLike,
    warrantyParts: [
      l('handset', '主机', 'Handset'),
      l('battery', '电池', 'Battery'),
      l('charger', '充电器', 'Charger'),
      l('wired_earphones', '有线耳机', 'Wired earphones'),
      l('casing', '外壳', 'Casing'),
    ],
    active: true,
  },
  {
    id: 'tablet',
    nameZh: '平板电脑',
    nameEn: 'Tablet',
    warrantyPolicyId: 'general',
    requiredFields: ['serial', 'model', 'condition', 'accessories'],
    ...phoneLike,
    warrantyParts: [l('whole', '整机', 'Whole unit')],
    active: true,
  },
  {
    id: 'laptop',
    nameZh: '笔记本电脑',
    nameEn: 'Laptop',
    warrantyPolicyId: 'general',
    requiredFields: ['serial', 'model', 'condition', 'accessories', 'passcode'],
    checklist: [
      ...phoneLike.checklist.slice(0, 4),
      l('keyboard', '键盘缺键', 'Keys missing'),
      l('hinge', '转轴松动', 'Loose hinge'),
    ],
    accessories: [
      l('charger', '电源适配器', 'Power adapter'),
      l('bag', '电脑包', 'Bag'),
      l('mouse', '鼠标', 'Mouse'),
      l('box', '包装盒', 'Box'),
    ],
    faultCodes: [
      ...commonFaults,
      l('screen', '屏幕显示异常', 'Display fault'),
      l('keyboard', '键盘故障', 'Keyboard fault'),
      l('overheating', '过热或风扇噪音', 'Overheating or fan noise'),
      l('battery', '电池故障', 'Battery fault'),
      l('storage', '硬盘故障', 'Storage fault'),
      l('software', '系统故障', 'Software fault'),
    ],
    warrantyParts: [l('whole', '整机', 'Whole unit'), l('main_board', '主板', 'Main board')],
    active: true,
  },
  {
    id: 'tv',
    nameZh: '电视机',
    nameEn: 'Television',
    warrantyPolicyId: 'household_appliance',
    requiredFields: ['serial', 'model', 'condition'],
    ...appliance,
    faultCodes: [
      ...commonFaults,
      l('no_picture', '无图像', 'No picture'),
      l('no_sound', '无声音', 'No sound'),
      l('lines', '屏幕条纹', 'Lines on screen'),
    ],
    warrantyParts: [l('whole', '整机', 'Whole unit'), l('main_board', '主板', 'Main board')],
    active: true,
  },
  {
    id: 'washing_machine',
    nameZh: '洗衣机',
    nameEn: 'Washing machine',
    warrantyPolicyId: 'household_appliance',
    requiredFields: ['model'],
    ...appliance,
    faultCodes: [
      ...commonFaults,
      l('leak', '漏水', 'Leaks'),
      l('no_spin', '不脱水', 'Does not spin'),
      l('noise', '噪音大', 'Noisy'),
    ],
    warrantyParts: [l('whole', '整机', 'Whole unit'), l('motor', '电机', 'Motor')],
    active: true,
  },
  {
    id: 'air_conditioner',
    nameZh: '空调',
    nameEn: 'Air conditioner',
    warrantyPolicyId: 'household_appliance',
    requiredFields: ['model'],
    ...appliance,
    faultCodes: [
      ...commonFaults,
      l('no_cooling', '不制冷', 'Not cooling'),
      l('no_heating', '不制热', 'Not heating'),
      l('leak', '漏水', 'Leaks'),
    ],
    warrantyParts: [l('whole', '整机', 'Whole unit'), l('compressor', '压缩机', 'Compressor')],
    active: true,
  },
  {
    id: 'other',
    nameZh: '其他',
    nameEn: 'Other',
    warrantyPolicyId: 'general',
    requiredFields: [],
    checklist: appliance.checklist,
    accessories: [],
    faultCodes: commonFaults,
    warrantyParts: [l('whole', '整机', 'Whole unit')],
    active: true,
  },
];
