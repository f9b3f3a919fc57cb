import { safeStorage } from 'electron';

/**
 * The sync credential at rest, encrypted with the operating system's keychain (safeStorage). Where
 * the system offers no encryption (some Linux desktops), the core keeps it as it would without a
 * host: the platform leaves these out.
 */
export const secretProtection = () =>
  safeStorage.isEncryptionAvailable()
    ? {
        protectSecret: (plain: string) => `safe:${safeStorage.encryptString(plain).toString('base64')}`,
        revealSecret: (stored: string) =>
          stored.startsWith('safe:') ? safeStorage.decryptString(Buffer.from(stored.slice(5), 'base64')) : '',
      }
    : {};
