import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../api/hooks';
import { errorText } from '../../components/ErrorState';
import { BrandMark } from '../../components/BrandMark';
import { usePageTitle } from '../../components/usePageTitle';

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
  const [form] = Form.useForm<{ username: string; password: string }>();
  usePageTitle(t('login.title'));

  useEffect(() => {
    if (login.isSuccess) navigate(next, { replace: true });
  }, [login.isSuccess, navigate, next]);

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
        {login.isError && <Alert className="login-error" type="error" showIcon title={errorText(t, login.error)} role="alert" />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => login.mutate({ username: v.username.trim(), password: v.password })}
          disabled={login.isPending}
        >
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
