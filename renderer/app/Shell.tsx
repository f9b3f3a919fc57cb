import { LockOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../shared/contract';
import { languages, type Language } from '../../shared/roles';
import { ticketNumberPattern } from '../../shared/ticket-number';
import { routes } from './routes';
import { routeScan } from './scanClaims';
import { useSession } from './session';
import { useHashRoute } from './useHashRoute';
import { useScanner } from './useScanner';
import { useShortcuts } from './useShortcuts';

/** A scanned claim receipt or repair card opens its ticket, from any screen that has not claimed scans. */
const openScannedTicket = (ticketNo: string) =>
  routeScan(ticketNo, () => (window.location.hash = `#/tickets/${ticketNo}`));

export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const visible = routes.filter((route) => canCall(route.opensWith, session.staff.role));
  const [current, navigate] = useHashRoute('home');
  const [key, param] = current.split('/', 2);
  const active = visible.find((route) => route.key === key) ?? visible[0];
  useScanner(ticketNumberPattern, openScannedTicket);
  useShortcuts(visible, navigate);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={64}>
        <Typography.Title level={5} style={{ padding: '16px 20px', margin: 0 }}>
          {session.storeName ?? t('app.name')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={active ? [active.key] : []}
          items={visible.map((route) => ({
            key: route.key,
            icon: route.icon,
            label: route.shortcut ? `${t(`nav.${route.key}`)} (${route.shortcut})` : t(`nav.${route.key}`),
          }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
            paddingInline: 24,
          }}
        >
          <Space data-testid="signed-in-as">
            <UserOutlined />
            <span>{session.staff.name}</span>
            <Tag>{t(`roles.${session.staff.role}`)}</Tag>
          </Space>
          <Segmented<Language>
            aria-label={t('shell.language')}
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={languages.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
            onChange={session.changeLanguage}
          />
          <Button icon={<LockOutlined />} onClick={session.lock}>
            {t('shell.lock')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={session.switchUser}>
            {t('shell.switchUser')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={session.signOut}>
            {t('shell.signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {active?.page(param ? decodeURIComponent(param) : undefined)}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
