/**
 * Texts of the link to headquarters (`sync.*`): enrolling, the sync status, the first download and
 * the cross-store lookup. Joined into zh-CN.ts and en.ts.
 */
export const syncZh = {
  title: '总部同步',
  intro:
    '门店离线也能照常营业；联网时，本店的单据、物品进出和收款自动上传总部，总部的品类、保修政策、价格、员工和收据条款自动下载到本店。',
  enrol: {
    title: '连接总部',
    help: '在总部运行 npm run hq -- enrol --store 本店代码，得到一次性的接入码，填在下面。只有管理员可以连接。',
    serverUrl: '总部地址',
    serverUrlPlaceholder: 'https://hq.example.com',
    code: '接入码',
    deviceName: '本机名称',
    deviceNameDefault: '前台一号机',
    submit: '连接',
    done: '已连接总部，正在首次下载',
  },
  status: {
    server: '总部地址',
    store: '门店',
    lastSuccess: '上次同步成功',
    lastPull: '上次下载',
    waiting: '待上传',
    waitingCount: '{{count}} 条',
    oldest: '最早一条已等待',
    nothingWaiting: '全部已上传',
    never: '从未',
    lastError: '上次同步失败（{{at}}）',
    downloading: '正在从总部下载数据',
    downloadLeft: '还剩 {{count}} 条',
    downloadStarting: '等待第一次下载…',
    syncNow: '立即同步',
    synced: '同步完成',
    failed: '同步未完成，数据已保留在本机，稍后自动重试',
    causes: {
      unreachable: '无法连接总部：请检查网络，或联系总部确认服务是否运行。本店照常营业，数据保留在本机。',
      revoked: '总部不再接受本机的凭证（可能已被停用），请联系总部重新发放接入码。',
      refused: '总部拒绝了本次同步，请联系总部并提供下面的信息。',
    },
  },
  lookup: {
    title: '跨店查询',
    help: '按手机号或序列号查找顾客在本连锁其他门店的维修单（需联网，只读）。',
    by: { phone: '手机号', serial: '序列号' },
    placeholder: { phone: '如 138 0013 8000', serial: '如 IMEI 或机身序列号' },
    search: '查询',
    none: '其他门店没有找到记录',
    columns: {
      store: '门店',
      ticketNo: '单号',
      status: '状态',
      receivedAt: '收机时间',
      device: '设备',
      fault: '故障描述',
      customer: '顾客',
    },
  },
};

export const syncEn = {
  title: 'Headquarters sync',
  intro:
    "The store works offline as usual. When online, its tickets, custody movements and payments go to headquarters on their own, and headquarters' categories, warranty policies, prices, staff and receipt terms come back.",
  enrol: {
    title: 'Link to headquarters',
    help: 'At headquarters, run npm run hq -- enrol --store <store code> for a one-time code and enter it below. Only an admin can link.',
    serverUrl: 'Headquarters address',
    serverUrlPlaceholder: 'https://hq.example.com',
    code: 'Enrolment code',
    deviceName: 'This computer',
    deviceNameDefault: 'Front desk 1',
    submit: 'Link',
    done: 'Linked to headquarters; the first download has started',
  },
  status: {
    server: 'Headquarters',
    store: 'Store',
    lastSuccess: 'Last successful sync',
    lastPull: 'Last download',
    waiting: 'Waiting to upload',
    waitingCount: '{{count}} changes',
    oldest: 'Oldest waiting for',
    nothingWaiting: 'Everything uploaded',
    never: 'never',
    lastError: 'The last sync failed ({{at}})',
    downloading: 'Downloading from headquarters',
    downloadLeft: '{{count}} left',
    downloadStarting: 'Waiting for the first download…',
    syncNow: 'Sync now',
    synced: 'Synced',
    failed: 'Sync did not finish; the data is kept here and will be retried',
    causes: {
      unreachable:
        'Headquarters cannot be reached: check the network, or ask headquarters whether its server is running. The store works as usual; the data stays here.',
      revoked:
        "Headquarters no longer accepts this computer's credential (it may have been revoked): ask headquarters for a new code.",
      refused: 'Headquarters refused this sync: contact headquarters with the details below.',
    },
  },
  lookup: {
    title: 'Other stores',
    help: "Find a customer's tickets at the chain's other stores by phone or serial (online, read-only).",
    by: { phone: 'Phone', serial: 'Serial' },
    placeholder: { phone: 'e.g. 138 0013 8000', serial: 'e.g. IMEI or serial number' },
    search: 'Search',
    none: 'Nothing found at other stores',
    columns: {
      store: 'Store',
      ticketNo: 'Ticket',
      status: 'Status',
      receivedAt: 'Received',
      device: 'Device',
      fault: 'Fault',
      customer: 'Customer',
    },
  },
};
