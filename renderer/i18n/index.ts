import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/roles';
import { en } from './en';
import { zhCN } from './zh-CN';

// "waiting for 5 minutes": how long the oldest unsent change has waited (the sync screen).
dayjs.extend(relativeTime);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Switches every string, Ant Design's own texts (through App) and date formats at once. */
export const setLanguage = (language: Language): void => {
  void i18n.changeLanguage(language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
};

export { i18n };
