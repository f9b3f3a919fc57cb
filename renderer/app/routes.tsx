import {
  AccountBookOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  ExportOutlined,
  DashboardOutlined,
  CloudServerOutlined,
  CustomerServiceOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  ProfileOutlined,
  ToolOutlined,
  SettingOutlined,
  SyncOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MethodName } from '../../shared/contract';
import { BackupsPage } from '../features/backups/BackupsPage';
import { BoardPage } from '../features/board/BoardPage';
import { DayClosePage } from '../features/dayclose/DayClosePage';
import { PickupPage } from '../features/pickup/PickupPage';
import { QualityPage } from '../features/quality/QualityPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { GoodsPage } from '../features/goods/GoodsPage';
import { HomePage } from '../features/home/HomePage';
import { IntakePage } from '../features/intake/IntakePage';
import { PartsPage } from '../features/parts/PartsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StaffPage } from '../features/staff/StaffPage';
import { SyncPage } from '../features/sync/SyncPage';
import { TicketPage } from '../features/tickets/TicketPage';
import { TicketsPage } from '../features/tickets/TicketsPage';

export type Route = {
  key: string;
  icon: ReactNode;
  /** `param` is what follows the key in the address: `#/tickets/SH01-261122-0007`. */
  page: (param?: string) => ReactNode;
  /** The call the screen opens with: whoever may make it sees the screen (the core enforces it). */
  opensWith: MethodName;
  /** A function key that opens the screen from anywhere. */
  shortcut?: 'F2' | 'F3' | 'F4';
};

/** Only screens that work are listed: a feature joins the navigation when it is built. */
export const routes: Route[] = [
  { key: 'home', icon: <HomeOutlined />, page: () => <HomePage />, opensWith: 'auth.me' },
  {
    key: 'intake',
    icon: <FormOutlined />,
    // `#/intake/<id>`: taking in the device a repair call was about.
    page: (repairCallId) => <IntakePage key={repairCallId ?? ''} repairCallId={repairCallId} />,
    opensWith: 'tickets.create',
    shortcut: 'F2',
  },
  {
    key: 'tickets',
    icon: <ProfileOutlined />,
    page: (ticketNo) => (ticketNo ? <TicketPage key={ticketNo} ticketNo={ticketNo} /> : <TicketsPage />),
    opensWith: 'tickets.list',
    shortcut: 'F3',
  },
  {
    key: 'board',
    icon: <DashboardOutlined />,
    page: (view) => <BoardPage view={view} />,
    opensWith: 'repair.board',
  },
  {
    key: 'goods',
    icon: <InboxOutlined />,
    page: (tab) => <GoodsPage tab={tab} />,
    opensWith: 'goods.onPremises',
  },
  {
    key: 'pickup',
    icon: <ExportOutlined />,
    page: (ticketNo) => <PickupPage key={ticketNo ?? ''} ticketNo={ticketNo} />,
    opensWith: 'pickup.save',
    shortcut: 'F4',
  },
  { key: 'day', icon: <AccountBookOutlined />, page: () => <DayClosePage />, opensWith: 'drawer.state' },
  {
    key: 'quality',
    icon: <CustomerServiceOutlined />,
    page: () => <QualityPage />,
    opensWith: 'followups.queue',
  },
  {
    key: 'reports',
    icon: <BarChartOutlined />,
    page: (kind) => <ReportsPage kind={kind} />,
    opensWith: 'reports.run',
  },
  { key: 'parts', icon: <ToolOutlined />, page: () => <PartsPage />, opensWith: 'parts.list' },
  { key: 'backups', icon: <CloudServerOutlined />, page: () => <BackupsPage />, opensWith: 'backup.list' },
  { key: 'staff', icon: <TeamOutlined />, page: () => <StaffPage />, opensWith: 'staff.list' },
  { key: 'sync', icon: <SyncOutlined />, page: () => <SyncPage />, opensWith: 'sync.status' },
  {
    key: 'catalogue',
    icon: <AppstoreOutlined />,
    page: () => <CataloguePage />,
    opensWith: 'catalogue.saveCategory',
  },
  { key: 'settings', icon: <SettingOutlined />, page: () => <SettingsPage />, opensWith: 'settings.get' },
];
