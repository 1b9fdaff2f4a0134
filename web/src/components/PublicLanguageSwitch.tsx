import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n';

/** The public header's VI | EN switch (two toggle buttons); on phones one button that switches to the other language. */
export function PublicLanguageSwitch() {
  const { i18n, t } = useTranslation();
  const value: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const other: Lang = value === 'vi' ? 'en' : 'vi';
  return (
    <>
      <span className="pu-lang hide-xs" role="group" aria-label={t('lang.label')}>
        {(['vi', 'en'] as const).map((l) => (
          <button type="button" key={l} lang={l} aria-pressed={value === l} title={t(`lang.${l}`)} onClick={() => setLang(l)}>
            {l.toUpperCase()}
          </button>
        ))}
      </span>
      <button
        type="button"
        className="pu-btn pu-btn-header pu-btn-small lang-toggle show-xs"
        onClick={() => setLang(other)}
        // The spoken name starts with the visible text (EN / VI), so voice control ("click EN") finds the button.
        aria-label={`${other.toUpperCase()}, ${t('lang.label')}: ${t(`lang.${other}`)}`}
        lang={other}
      >
        {other.toUpperCase()}
      </button>
    </>
  );
}
