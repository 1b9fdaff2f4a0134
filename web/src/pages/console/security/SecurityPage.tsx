// The signed-in user's two-factor sign-in: turn it on (password → QR code → first code → recovery codes shown once),
// see how many recovery codes are left, turn it off (password).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { useTwoFactor, useTwoFactorDisable, useTwoFactorEnable, useTwoFactorSetup } from './api';
import './security.css';

export default function SecurityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('security.page.title'));
  const state = useTwoFactor();
  const setup = useTwoFactorSetup();
  const enable = useTwoFactorEnable();
  const disable = useTwoFactorDisable();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const s = state.data;

  return (
    <div className="console-page security-page">
      <PageHeader title={t('security.page.title')} subtitle={t('security.page.subtitle')} />
      <Card>
        {s && (
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('security.page.title')}>
              <Space wrap>
                <Tag color={s.enabled ? 'green' : 'default'} data-testid="two-factor-state">{s.enabled ? t('security.page.on') : t('security.page.off')}</Tag>
                {s.required && <Tag color="blue">{t('security.page.required')}</Tag>}
                {s.enabled && <Typography.Text type="secondary">{t('security.page.recoveryLeft', { count: s.recoveryCodesLeft })}</Typography.Text>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        )}

        {codes && (
          <Alert type="warning" showIcon title={t('security.page.codesTitle')} data-testid="recovery-codes"
            description={
              <>
                <p>{t('security.page.codesHelp')}</p>
                <pre className="recovery-codes">{codes.join('\n')}</pre>
                <Space>
                  <Button onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>{t('security.page.copy')}</Button>
                  <Button type="primary" onClick={() => setCodes(null)}>{t('security.page.done')}</Button>
                </Space>
              </>
            } />
        )}

        {s && !s.enabled && !setup.data && (
          <Form layout="vertical" style={{ maxWidth: 420 }} onFinish={(v: { password: string }) => setup.mutate(v)}>
            <Form.Item name="password" label={t('security.page.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" data-testid="setup-password" />
            </Form.Item>
            {setup.isError && <Alert type="error" showIcon title={errorText(t, setup.error)} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" loading={setup.isPending} data-testid="setup-start">{t('security.page.start')}</Button>
          </Form>
        )}

        {s && !s.enabled && setup.data && (
          <div className="two-factor-enrol">
            <Typography.Paragraph strong>{t('security.page.step1')}</Typography.Paragraph>
            <div className="two-factor-qr" data-testid="two-factor-qr"><QRCodeSVG value={setup.data.uri} size={200} marginSize={2} title={t('security.page.step1')} /></div>
            <Typography.Paragraph>
              {t('security.page.secret')}: <Typography.Text code copyable data-testid="two-factor-secret">{setup.data.secret}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph strong>{t('security.page.step2')}</Typography.Paragraph>
            <Form layout="inline" onFinish={(v: { code: string }) => enable.mutate({ code: v.code.trim() }, {
              onSuccess: (r) => { setCodes(r.recoveryCodes); setup.reset(); void message.success(t('security.page.enabled')); },
            })}>
              <Form.Item name="code" rules={[{ required: true, message: t('security.login.totpRequired') }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} data-testid="setup-code" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="setup-confirm">{t('security.page.confirm')}</Button>
            </Form>
            {enable.isError && <Alert type="error" showIcon title={errorText(t, enable.error)} style={{ marginTop: 12 }} />}
          </div>
        )}

        {s?.enabled && !codes && (
          disabling ? (
            <Form layout="vertical" style={{ maxWidth: 420 }} onFinish={(v: { password: string }) => disable.mutate(v, {
              onSuccess: () => { setDisabling(false); void message.success(t('security.page.disabled')); },
            })}>
              <Form.Item name="password" label={t('security.page.disableConfirm')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              {disable.isError && <Alert type="error" showIcon title={errorText(t, disable.error)} style={{ marginBottom: 12 }} />}
              <Space>
                <Button onClick={() => setDisabling(false)}>{t('common.cancel')}</Button>
                <Button danger htmlType="submit" loading={disable.isPending}>{t('security.page.disable')}</Button>
              </Space>
            </Form>
          ) : (
            <Button danger onClick={() => setDisabling(true)}>{t('security.page.disable')}</Button>
          )
        )}
      </Card>
    </div>
  );
}
