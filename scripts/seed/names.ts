import { Weighted, type Random } from './random';

/**
 * Customer names, addresses and phones: Chinese names by surname frequency (one or two given
 * characters, so very common two-character names such as 王伟 and 李娜 occur many times) and about 15%
 * English or pinyin names; Chinese mobile numbers.
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

/** `surname:weight` pairs, weights roughly per mille of the population. */
const surnames = new Weighted<string>(
  words(`王:72 李:71 张:67 刘:54 陈:46 杨:33 黄:25 赵:20 吴:19 周:19 徐:14 孙:13 马:12 朱:11 胡:10 郭:10
    何:9 林:9 高:9 罗:8 郑:8 梁:7 谢:6 宋:5 唐:5 许:5 韩:5 冯:4 邓:4 曹:4 彭:4 曾:4 肖:4 田:3 董:3 潘:3
    袁:3 蒋:3 蔡:3 余:3 欧阳:1 司马:0.3`).map((pair) => {
    const [name = '', weight = '1'] = pair.split(':');
    return [name, Number(weight)] as const;
  }),
);

/** Given-name characters; the popular ones come first and repeat most. */
const popular = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];
const common = [
  ...('建国志文红玉兰海燕小亮飞辉鹏宇浩然子涵欣怡梓轩诗雨晨阳思远嘉俊婷雪梅春林凤云峰波斌鑫晓东' +
    '丹琳颖慧佳琪博天翔振宁立新佩瑶家豪梦一鸣若曦雅琴淑贞永德宏'),
];
const givenChar = new Weighted<string>([
  ...popular.map((c, i) => [c, 30 - i] as const),
  ...common.map((c) => [c, 3] as const),
]);

const englishFirst = words(`David Michael John James Peter Kevin Jason Tony Eric Tom Mary Linda Emma Lucy
  Grace Amy Sarah Helen Anna Cindy Jessica Vivian Alice Chris`);
const englishLast = words(`Smith Brown Wilson Taylor Miller Davis Clark Lee Wang Chen Zhang Liu Müller
  Schmidt Martin Kim Park Tanaka Nguyen Garcia`);
const pinyinSurnames = words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou');
const pinyinGiven = words(`Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Xiaoming Haoran Zixuan
  Yuting Xinyi Jiahao Shiyu`);

export function customerName(random: Random): string {
  const r = random.float();
  if (r < 0.08) return `${random.pick(englishFirst)} ${random.pick(englishLast)}`;
  if (r < 0.15) return `${random.pick(pinyinSurnames)} ${random.pick(pinyinGiven)}`;
  const surname = surnames.draw(random);
  // About 40% of given names are one character: 王伟, 李娜, 张敏.
  const given = random.chance(0.4) ? givenChar.draw(random) : givenChar.draw(random) + givenChar.draw(random);
  return surname + given;
}

const districts: [string, string[]][] = [
  ['黄浦区', words('南京东路 淮海中路 西藏中路')],
  ['浦东新区', words('张杨路 世纪大道 陆家嘴环路 川沙路')],
  ['徐汇区', words('漕溪北路 肇嘉浜路 虹桥路')],
  ['静安区', words('南京西路 延安中路 共和新路')],
  ['杨浦区', words('四平路 国定路 黄兴路')],
  ['闵行区', words('莘庄路 七莘路 都市路')],
];

/** Half the customers leave an address. */
export function customerAddress(random: Random): string {
  if (random.chance(0.5)) return '';
  const [district, roads] = random.pick(districts);
  const room = `${random.int(1, 30)}0${random.int(1, 4)}`;
  return `上海市${district}${random.pick(roads)} ${random.int(1, 999)} 弄 ${random.int(1, 40)} 号 ${room} 室`;
}

const notes = ['老客户', 'VIP 客户', '只接受微信联系', '下午联系', 'Prefers English', '公司客户'];

export const customerNotes = (random: Random): string => (random.chance(0.04) ? random.pick(notes) : '');

const mobilePrefixes = words(`130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159
  180 181 182 183 184 185 186 187 188 189`);

/** Chinese mobile numbers (11 digits, 13x/15x/18x), never handed out twice by one book. */
export class PhoneBook {
  private readonly used = new Set<number>();

  constructor(
    private readonly random: Random,
    private readonly prefixes: readonly string[] = mobilePrefixes,
  ) {}

  next(): string {
    for (;;) {
      const phone = this.random.pick(this.prefixes) + this.random.digits(8);
      if (!this.used.has(Number(phone))) {
        this.used.add(Number(phone));
        return phone;
      }
    }
  }
}
