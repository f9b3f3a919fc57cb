import type { InputOf } from '../../shared/contract';

/** The store most tests start from (plain data: the e2e tests use it without loading the core). */
export const adminPin = '2468';

export const storeInput: InputOf<'setup.create'> = {
  store: {
    code: 'SH01',
    name: '上海南京路店',
    address: '南京东路 100 号',
    phone: '021-5555-0100',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
  },
  admin: { name: '王主管', pin: adminPin },
  language: 'zh-CN',
};
