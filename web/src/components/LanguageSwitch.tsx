import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n';

/** VI | EN segmented switch; on phones a single button that switches to the other language. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { i18n, t } = useTranslation();
  const value: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const other: Lang = value === 'vi' ? 'en' : 'vi';
  return (
    <>
      <Segmented<Lang>
        size="small"
        className={`lang-switch hide-xs${dark ? ' lang-switch-dark' : ''}`}
        aria-label={t('lang.label')}
        value={value}
        onChange={(v) => setLang(v)}
        options={[
          { value: 'vi', label: <span title={t('lang.vi')}>VI</span> },
          { value: 'en', label: <span title={t('lang.en')}>EN</span> },
        ]}
      />
      <Button
        size="small"
        className={`lang-toggle show-xs${dark ? ' header-btn' : ''}`}
        onClick={() => setLang(other)}
        // The spoken name starts with the visible text (EN / VI), so voice control ("click EN") finds the button.
        aria-label={`${other.toUpperCase()}, ${t('lang.label')}: ${t(`lang.${other}`)}`}
        lang={other}
      >
        {other.toUpperCase()}
      </Button>
    </>
  );
}
