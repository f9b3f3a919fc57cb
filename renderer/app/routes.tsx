import { CloudServerOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MethodName } from '../../shared/contract';
import { BackupsPage } from '../features/backups/BackupsPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StaffPage } from '../features/staff/StaffPage';

export type Route = {
  key: string;
  icon: ReactNode;
  page: () => ReactNode;
  /** The call the screen opens with: whoever may make it sees the screen (the core enforces it). */
  opensWith: MethodName;
};

/** Only screens that work are listed: a feature joins the navigation when it is built. */
export const routes: Route[] = [
  { key: 'home', icon: <HomeOutlined />, page: () => <HomePage />, opensWith: 'auth.me' },
  { key: 'backups', icon: <CloudServerOutlined />, page: () => <BackupsPage />, opensWith: 'backup.list' },
  { key: 'staff', icon: <TeamOutlined />, page: () => <StaffPage />, opensWith: 'staff.list' },
  { key: 'settings', icon: <SettingOutlined />, page: () => <SettingsPage />, opensWith: 'settings.get' },
];
