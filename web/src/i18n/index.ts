import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { viPublic } from './vi-public';

export type Lang = 'vi' | 'en';
export const LANG_KEY = 'motcua.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const initial = storedLang();
dayjs.locale(initial);
document.documentElement.lang = initial;

// English is a separate chunk, loaded when chosen: a Vietnamese citizen's phone does not download it.
async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'vi' || i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viPublic } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (initial === 'en') void loadLang('en').then(() => i18n.changeLanguage('en'));

// Every other screen's Vietnamese strings (the console, the kiosk, the public forms still built with Ant Design):
// a chunk loaded with those screens (App.tsx), so the light public pages do not download the console's words.
let allStrings: Promise<void> | null = null;
export function loadAllStrings(): Promise<void> {
  allStrings ??= import('./vi').then(({ vi }) => {
    i18n.addResourceBundle('vi', 'translation', vi, true, true);
  });
  return allStrings;
}

export function setLang(lang: Lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  void loadLang(lang).then(() => {
    dayjs.locale(lang);
    document.documentElement.lang = lang;
    return i18n.changeLanguage(lang);
  });
}

export default i18n;
