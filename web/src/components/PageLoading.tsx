import { useTranslation } from 'react-i18next';
import '../public-ui/ui.css';

/** While a page's code arrives: a plain spinner (no component library: it shows before any page chunk). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      <span className="pu-spin" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
