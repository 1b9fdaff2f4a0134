import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../api/hooks';
import { errorText } from '../../components/ErrorState';
import { BrandMark } from '../../components/BrandMark';
import { usePageTitle } from '../../components/usePageTitle';
import { ApiError } from '../../api/client';
import { rememberSignInNotice } from '../console/security/notices';

/** Only local paths: never bounce a user to another site after login. */
function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return '/console';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<{ username: string; password: string; totp?: string; recoveryCode?: string }>();
  // The second step appears once the server says the password was right and the account has two-factor sign-in on.
  const secondStep = login.error instanceof ApiError && (login.error.code === 'AUTH_TOTP_REQUIRED' || login.error.code === 'AUTH_TOTP_INVALID');
  const [askedSecond, setAskedSecond] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const showSecond = askedSecond || secondStep;
  usePageTitle(t('login.title'));

  useEffect(() => {
    if (secondStep) setAskedSecond(true);
  }, [secondStep]);
  useEffect(() => {
    if (login.isSuccess) {
      rememberSignInNotice(login.data);
      navigate(next, { replace: true });
    }
  }, [login.isSuccess, login.data, navigate, next]);

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  return (
    <div className="login-wrap">
      <Card className="login-card">
        <div className="login-head">
          <BrandMark size={56} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {login.isError && !(login.error instanceof ApiError && login.error.code === 'AUTH_TOTP_REQUIRED') && (
          <Alert className="login-error" type="error" showIcon title={errorText(t, login.error)} role="alert" />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => login.mutate({
            username: v.username.trim(), password: v.password,
            ...(showSecond && !useRecovery && v.totp ? { totp: v.totp.trim() } : {}),
            ...(showSecond && useRecovery && v.recoveryCode ? { recoveryCode: v.recoveryCode.trim() } : {}),
          })}
          disabled={login.isPending}
        >
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {showSecond && !useRecovery && (
            <Form.Item name="totp" label={t('security.login.totp')} extra={t('security.login.totpHelp')} rules={[{ required: true, message: t('security.login.totpRequired') }]}>
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus size="large" data-testid="login-totp" />
            </Form.Item>
          )}
          {showSecond && useRecovery && (
            <Form.Item name="recoveryCode" label={t('security.login.recovery')} rules={[{ required: true, message: t('security.login.recoveryRequired') }]}>
              <Input prefix={<SafetyOutlined />} autoComplete="off" autoFocus size="large" data-testid="login-recovery" />
            </Form.Item>
          )}
          {showSecond && (
            <Button type="link" className="login-switch" onClick={() => setUseRecovery((r) => !r)} style={{ padding: 0, marginBottom: 12 }}>
              {useRecovery ? t('security.login.useTotp') : t('security.login.useRecovery')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
