import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Input, Row, Skeleton, Typography } from 'antd';
import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFields } from '../../api/hooks';
import { ErrorState } from '../../components/ErrorState';
import { usePageTitle } from '../../components/usePageTitle';

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
          <Input.Search
            className="hero-search"
            size="large"
            allowClear
            enterButton={
              <span>
                <SearchOutlined /> <span className="hide-xs">{t('common.search')}</span>
              </span>
            }
            placeholder={t('home.searchPlaceholder')}
            aria-label={t('home.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => navigate(`/procedures${value.trim() ? `?q=${encodeURIComponent(value.trim())}` : ''}`)}
          />
          {total > 0 && (
            <p className="hero-count">
              {t('home.catalogCount', { count: total, fields: fields.data?.length ?? 0 })}{' '}
              <Link to="/procedures" className="hero-link">
                {t('home.seeAll')} <RightOutlined />
              </Link>
            </p>
          )}
          <p className="hero-count">
            <Link to="/phan-anh" className="hero-link" data-testid="home-feedback">
              {t('feedback.form.title')} <RightOutlined />
            </Link>{' '}
            <Link to="/phan-anh/cong-khai" className="hero-link">
              {t('feedback.published.title')} <RightOutlined />
            </Link>
          </p>
        </div>
      </section>

      <section className="page-section">
        <Typography.Title level={2} className="section-title">
          {t('home.fieldsTitle')}
        </Typography.Title>
        {fields.isError ? (
          <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
        ) : fields.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Row gutter={[16, 16]}>
            {fields.data.map((f) => (
              <Col xs={24} sm={12} lg={8} key={f.code}>
                <Link to={`/procedures?field=${encodeURIComponent(f.code)}`} className="field-card-link" data-field={f.code}>
                  <Card hoverable className="field-card" size="small">
                    <div className="field-card-body">
                      <span className="field-no">{f.no}</span>
                      <span className="field-name">{f.name}</span>
                      <span className="field-count">
                        <strong>{f.procedureCount}</strong>
                        <span>{t('home.procedureUnit', { count: f.procedureCount })}</span>
                      </span>
                    </div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </section>
    </div>
  );
}
