import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/roles';
import { call, endSession, onSessionProblem, setSessionToken } from '../api';
import { LockScreen } from '../features/signin/LockScreen';
import { SignInPage } from '../features/signin/SignInPage';
import { SetupPage } from '../features/setup/SetupPage';
import { setLanguage } from '../i18n';
import { SessionContext, type SessionApi, type SessionStaff } from './session';
import { Shell } from './Shell';
import { useIdleLock } from './useIdleLock';
import { useRemote } from './useRemote';

type SignedIn = { staff: SessionStaff; idleLockMinutes: number; locked: boolean };

/** Decides what the counter shows: setup, sign-in, the lock screen or the signed-in shell. */
export function App() {
  const { i18n } = useTranslation();
  const { data: status, reload: loadStatus } = useRemote('system.status', {});
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);

  // The store's language until someone signs in; then theirs.
  useEffect(() => {
    if (status) setLanguage(status.language);
  }, [status]);

  const signOut = useCallback(() => {
    void endSession();
    setSignedIn(null);
    loadStatus();
  }, [loadStatus]);

  useEffect(
    () =>
      onSessionProblem((error) => {
        if (error.code === 'session_locked') setSignedIn((s) => (s ? { ...s, locked: true } : s));
        else signOut();
      }),
    [signOut],
  );

  const lock = useCallback(() => {
    void call('auth.lock', {});
    setSignedIn((s) => (s ? { ...s, locked: true } : s));
  }, []);

  useIdleLock(signedIn && !signedIn.locked ? signedIn.idleLockMinutes : null, lock);

  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') satisfies Language;

  const session = useMemo<SessionApi | null>(
    () =>
      signedIn && status
        ? {
            staff: signedIn.staff,
            storeName: status.storeName,
            timeZone: status.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
            appVersion: status.appVersion,
            schemaVersion: status.schemaVersion,
            storeChanged: loadStatus,
            lock,
            signOut,
            switchUser: signOut,
            changeLanguage(next) {
              setLanguage(next);
              void call('auth.setLanguage', { language: next });
            },
          }
        : null,
    [signedIn, status, lock, signOut, loadStatus],
  );

  let screen;
  if (!status) screen = <Spin size="large" style={{ marginTop: '30vh', width: '100%' }} />;
  else if (!status.setUp) screen = <SetupPage onDone={loadStatus} />;
  else if (!signedIn) {
    screen = (
      <SignInPage
        storeName={status.storeName}
        onSignedIn={(value) => {
          setSessionToken(value.token);
          setLanguage(value.staff.language ?? status.language);
          setSignedIn({ staff: value.staff, idleLockMinutes: value.idleLockMinutes, locked: false });
        }}
      />
    );
  } else if (signedIn.locked) {
    screen = (
      <LockScreen
        name={signedIn.staff.name}
        onUnlocked={() => setSignedIn({ ...signedIn, locked: false })}
        onOtherUser={signOut}
      />
    );
  } else {
    screen = (
      <SessionContext.Provider value={session}>
        <Shell />
      </SessionContext.Provider>
    );
  }

  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1f6feb' } }}
    >
      <AntApp>{screen}</AntApp>
    </ConfigProvider>
  );
}
