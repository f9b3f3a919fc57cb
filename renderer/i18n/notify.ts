/** Texts of telling the customer: templates, the contact log, the webhook (`notify.*`), joined into zh-CN.ts and en.ts. */
export const notifyZh = {
  title: '通知客户',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const notifyEn: Shape<typeof notifyZh> = {
  title: 'Tell the customer',
};
