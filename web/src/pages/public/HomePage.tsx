import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFields } from '../../api/hooks';
import { ErrorBox, SearchBox, Skeleton } from '../../public-ui';
import { FileIcon, FileSearchIcon, InfoIcon, RightIcon, SearchIcon, UserIcon } from '../../public-ui/icons';
import { usePageTitle } from '../../components/usePageTitle';

// What a citizen comes for, first on a phone: each opens the page that does it.
const SERVICES = [
  { key: 'track', to: '/tra-cuu', Icon: FileSearchIcon },
  { key: 'mine', to: '/cong-dan', Icon: UserIcon },
  { key: 'submit', to: '/procedures', Icon: FileIcon },
  { key: 'feedback', to: '/phan-anh', Icon: InfoIcon },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fields = useFields();
  const [q, setQ] = useState('');
  usePageTitle(t('home.pageTitle'));
  const total = (fields.data ?? []).reduce((s, f) => s + f.procedureCount, 0);

  return (
    <div>
      <section className="hero">
        <div className="hero-inner">
          <h1 className="hero-title">{t('home.heroTitle')}</h1>
          <p className="hero-lead">{t('home.heroLead')}</p>
          <SearchBox
            className="hero-search"
            large
            value={q}
            onChange={setQ}
            onSearch={(value) => navigate(`/procedures${value.trim() ? `?q=${encodeURIComponent(value.trim())}` : ''}`)}
            placeholder={t('home.searchPlaceholder')}
            label={t('home.searchPlaceholder')}
            button={
              <>
                <SearchIcon /> <span className="hide-xs">{t('common.search')}</span>
                <span className="show-xs sr-only">{t('common.search')}</span>
              </>
            }
          />
          {total > 0 && (
            <p className="hero-count">
              {t('home.catalogCount', { count: total, fields: fields.data?.length ?? 0 })}{' '}
              <Link to="/procedures" className="hero-link">
                {t('home.seeAll')} <RightIcon />
              </Link>
            </p>
          )}
          <p className="hero-count">
            <Link to="/phan-anh" className="hero-link" data-testid="home-feedback">
              {t('feedback.form.title')} <RightIcon />
            </Link>{' '}
            <Link to="/phan-anh/cong-khai" className="hero-link">
              {t('feedback.published.title')} <RightIcon />
            </Link>
          </p>
        </div>
      </section>

      <section className="page-section" aria-labelledby="home-services">
        <h2 className="section-title" id="home-services">{t('home.servicesTitle')}</h2>
        <ul className="pu-grid home-services plain-grid" data-testid="home-services">
          {SERVICES.map(({ key, to, Icon }) => (
            <li key={key}>
              <Link to={to} className="home-service" data-testid={`home-service-${key}`}>
                <span className="home-service-icon" aria-hidden="true"><Icon /></span>
                <span className="home-service-body">
                  <span className="home-service-title">{t(`home.services.${key}.title`)}</span>
                  <span className="home-service-text">{t(`home.services.${key}.text`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="page-section">
        <h2 className="section-title">{t('home.fieldsTitle')}</h2>
        {fields.isError ? (
          <ErrorBox error={fields.error} onRetry={() => void fields.refetch()} />
        ) : fields.isPending ? (
          <Skeleton rows={6} />
        ) : (
          <ul className="pu-grid pu-grid-fields plain-grid">
            {fields.data.map((f) => (
              <li key={f.code}>
                <Link to={`/procedures?field=${encodeURIComponent(f.code)}`} className="field-card-link" data-field={f.code}>
                  <div className="field-card">
                    <div className="field-card-body">
                      <span className="field-no">{f.no}</span>
                      <span className="field-name">{f.name}</span>
                      <span className="field-count">
                        <strong>{f.procedureCount}</strong>
                        <span>{t('home.procedureUnit', { count: f.procedureCount })}</span>
                      </span>
                    </div>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
