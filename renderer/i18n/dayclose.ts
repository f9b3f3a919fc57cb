/**
 * Texts of the cash drawer and the daily close (`dayclose.*`): the float and payouts, the count by
 * denomination, the variance, the Z-report on screen and on paper. Joined into zh-CN.ts and en.ts.
 */
export const daycloseZh = {
  title: '日结',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const daycloseEn: Shape<typeof daycloseZh> = {
  title: 'Day close',
};
