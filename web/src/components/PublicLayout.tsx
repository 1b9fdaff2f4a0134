import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { lazy, Suspense, useState } from 'react';
import { ChartIcon, ClockIcon, DashboardIcon, LoginIcon, PhoneIcon, PlaceIcon, UserIcon } from '../public-ui/icons';
import { PageLoading } from './PageLoading';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';
import { PublicLanguageSwitch } from './PublicLanguageSwitch';
import '../public-ui/ui.css';
import { placeName, usePublicCenter } from './useCenter';
import { useMe } from '../api/hooks';
import { ChooserButton } from './ChooserButton';

const CenterChooser = lazy(() => import('./CenterChooser'));


export function PublicLayout() {
  const { t } = useTranslation();
  const { center, centers, choose } = usePublicCenter();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const place = placeName(center);
  const [chooser, setChooser] = useState(false);
  const [chooserOpen, setChooserOpen] = useState(false);

  return (
    <div className="public-layout">
      <header className="public-header">
        <div className="public-header-inner">
          <div className="brand">
            <Link to="/" className="brand-home" aria-label={t('nav.home')}>
              <BrandMark />
            </Link>
            <span className="brand-text">
              <Link to="/" className="brand-title">
                {t('app.title')}
              </Link>
              {centers.length > 1 ? (
                // The chooser's dropdown menu loads at the first click: no public page downloads it up front.
                chooser ? (
                  <Suspense fallback={<ChooserButton place={place} center={center} />}>
                    <CenterChooser centers={centers} center={center} place={place} choose={choose} open={chooserOpen} onOpenChange={setChooserOpen} />
                  </Suspense>
                ) : (
                  <ChooserButton place={place} center={center} onClick={() => { setChooser(true); setChooserOpen(true); }} />
                )
              ) : (
                <span className="brand-place">{place}</span>
              )}
            </span>
          </div>
          <nav className="public-nav">
            <NavLink to="/procedures" className="public-nav-link">
              {t('nav.procedures')}
            </NavLink>
            <NavLink to="/tra-cuu" className="public-nav-link">
              {t('nav.track')}
            </NavLink>
            <NavLink to="/phan-anh" className="public-nav-link" data-testid="nav-feedback">
              {t('feedback.nav')}
            </NavLink>
            {/* The citizen's own page, on phones too (the text links above are hidden there). */}
            <NavLink to="/cong-dan" className="pu-btn pu-btn-header pu-btn-small" aria-label={t('home.services.mine.title')} data-testid="nav-citizen">
              <UserIcon /> <span className="hide-xs">{t('home.services.mine.title')}</span>
            </NavLink>
            {me.data ? (
              <button type="button" className="pu-btn pu-btn-header pu-btn-small" onClick={() => navigate('/console')} aria-label={t('nav.console')}>
                <DashboardIcon /> <span className="hide-xs">{t('nav.console')}</span>
              </button>
            ) : location.pathname === '/login' ? null : (
              <button type="button" className="pu-btn pu-btn-header pu-btn-small" onClick={() => navigate('/login')} aria-label={t('nav.staffLogin')}>
                <LoginIcon /> <span className="hide-xs">{t('nav.staffLogin')}</span>
              </button>
            )}
            <PublicLanguageSwitch />
          </nav>
        </div>
      </header>
      <main className="public-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="public-footer">
        <div className="public-footer-inner">
          <div>
            <div className="footer-title">{center?.name ?? t('app.title')}</div>
            {center?.address && (
              <div>
                <PlaceIcon /> {center.address}
              </div>
            )}
            {center?.phone && (
              <div>
                <PhoneIcon /> {t('public.phone')}: {center.phone}
              </div>
            )}
            {center && (
              <div>
                <ChartIcon /> <Link className="footer-link" to={`/cong-khai/${encodeURIComponent(center.code)}`} data-testid="footer-transparency">{t('public.transparency')}</Link>
              </div>
            )}
          </div>
          <div>
            <div className="footer-title">
              <ClockIcon /> {t('public.hoursTitle')}
            </div>
            <div>{center?.saturdayMorningOpen === false ? t('public.hoursDaysWeekdays') : t('public.hoursDays')}</div>
            <div>{t('public.hoursTimes')}</div>
          </div>
        </div>
      </footer>
    </div>
  );
}
