/** The parts screens' texts (`parts.*`), joined into zh-CN.ts and en.ts. */
export const partsZh = {
  title: '配件库存',
};

export const partsEn: { [K in keyof typeof partsZh]: string } = {
  title: 'Parts stock',
};
