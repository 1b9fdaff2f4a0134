import { useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('nav.home')}
        </Button>
      }
    />
  );
}
