/** Texts of the repair workflow on the ticket page, the repair card and the service voucher (`workflow.*`), joined into zh-CN.ts and en.ts. */
export const workflowZh = {
  title: '维修流程',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const workflowEn: Shape<typeof workflowZh> = {
  title: 'Repair workflow',
};
