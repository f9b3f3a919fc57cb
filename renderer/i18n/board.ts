/** Texts of the repair board and my jobs (`board.*`), joined into zh-CN.ts and en.ts. */
export const boardZh = {
  title: '维修看板',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const boardEn: Shape<typeof boardZh> = {
  title: 'Repair board',
};
