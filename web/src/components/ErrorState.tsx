import { lazy, Suspense, type ReactNode } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../lib/errorText';

export { errorText } from '../lib/errorText';

// antd's Result carries three large illustrations: loaded only when an error is shown, not with every public page.
const Result = lazy(() => import('antd/es/result'));

export function ErrorState({ error, onRetry, extra }: { error: unknown; onRetry?: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error';
  return (
    <Suspense fallback={<div role="alert">{errorText(t, error)}</div>}>
      <Result
        status={status}
        title={status === '404' ? t('errors.notFoundTitle') : status === '403' ? t('errors.forbiddenTitle') : t('errors.title')}
        subTitle={errorText(t, error)}
        extra={extra ?? (onRetry && status === 'error' ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined)}
      />
    </Suspense>
  );
}

/** "No permission" for a console page the user may not open (the Result illustration loads only then). */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div role="alert">{t('errors.forbidden')}</div>}>
      <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />
    </Suspense>
  );
}
