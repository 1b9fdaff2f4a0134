import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/hooks';
import { vnTime } from '../../lib/format';
import { usePageTitle } from '../../components/usePageTitle';
import { allowedEntries } from './menu';
import { meRoleLabels } from '../../lib/roles';
import { PageLoading } from '../../components/PageLoading';

// The figures (and their chart library) load only for those who may see them.
const DashboardFigures = lazy(() => import('./reports/DashboardFigures').then((m) => ({ default: m.DashboardFigures })));

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  usePageTitle(t('menu.dashboard'));
  const now = vnTime(new Date());
  const links = allowedEntries(me?.permissions).filter((e) => e.path !== '/console');
  const figures = !!me?.permissions.some((p) => p === 'reports.view' || p === 'reports.department');

  return (
    <div className="console-page">
      <Card className="welcome-card">
        <div className="welcome-date">
          {t(`weekday.${now.day()}`)}, {now.format('DD/MM/YYYY')}
        </div>
        <Typography.Title level={3} className="welcome-title">
          {t('dashboard.hello', { name: me?.fullName })}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'center', label: t('dashboard.center'), children: me?.center?.name ?? t('console.provinceWide') },
            { key: 'dept', label: t('dashboard.department'), children: me?.department?.name ?? '—' },
            {
              key: 'roles',
              label: t('dashboard.roles'),
              children: meRoleLabels(me, t, i18n.language).map((r) => (
                <Tag key={r} color="blue">
                  {r}
                </Tag>
              )),
            },
            { key: 'user', label: t('dashboard.username'), children: me?.username },
          ]}
        />
      </Card>

      {figures && (
        <Suspense fallback={<PageLoading />}>
          <DashboardFigures />
        </Suspense>
      )}

      <Typography.Title level={4} className="console-subtitle">
        {t('dashboard.quickLinks')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((e) => (
          <Col xs={24} sm={12} xl={8} key={e.path}>
            <Link to={e.path}>
              <Card hoverable className="quick-card" size="small">
                <span className="quick-icon">{e.icon}</span>
                <span>
                  <span className="quick-title">{t(e.labelKey)}</span>
                  <span className="quick-desc">{t(`${e.labelKey}Desc`)}</span>
                </span>
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={24} sm={12} xl={8}>
          <Link to="/procedures">
            <Card hoverable className="quick-card" size="small">
              <span className="quick-icon">
                <GlobalOutlined />
              </span>
              <span>
                <span className="quick-title">{t('menu.portal')}</span>
                <span className="quick-desc">{t('menu.portalDesc')}</span>
              </span>
            </Card>
          </Link>
        </Col>
      </Row>
    </div>
  );
}
