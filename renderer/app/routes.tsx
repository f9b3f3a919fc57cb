import { CloudServerOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import { BackupsPage } from '../features/backups/BackupsPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StaffPage } from '../features/staff/StaffPage';

export type Route = {
  key: string;
  icon: ReactNode;
  page: () => ReactNode;
  /** Who sees it in the navigation; the core enforces the same roles on every call. */
  roles: readonly Role[];
};

const everyone: readonly Role[] = ['clerk', 'technician', 'supervisor', 'admin'];

/** Only screens that work are listed: a feature joins the navigation when it is built. */
export const routes: Route[] = [
  { key: 'home', icon: <HomeOutlined />, page: () => <HomePage />, roles: everyone },
  { key: 'backups', icon: <CloudServerOutlined />, page: () => <BackupsPage />, roles: everyone },
  { key: 'staff', icon: <TeamOutlined />, page: () => <StaffPage />, roles: ['admin'] },
  { key: 'settings', icon: <SettingOutlined />, page: () => <SettingsPage />, roles: everyone },
];
