// The result's digital signature on the dossier page: "Đã ký số" with the signer, the time and the signed PDF, or —
// for the head of the department holding a resolved dossier — the button that signs it (the server decides).
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { resultPdfUrl, useSignature, useSignResult } from './api';

export function SignatureBox({ code, version }: { code: string; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useSignature(code, version);
  const sign = useSignResult(code);
  if (!q.data) return null;
  const s = q.data.signature;
  if (s) {
    return (
      <div className="signature-box" data-testid="signature-box">
        <Space wrap size={[8, 4]}>
          <Tag color="green" icon={<SafetyCertificateOutlined />}>{t('signing.signed')}</Tag>
          <span>{t('signing.by', { name: s.signerName, title: s.signerTitle, unit: s.unitName })}</span>
          <span className="muted">{formatDateTime(s.signedAt)}</span>
        </Space>
        <div style={{ marginTop: 6 }}>
          <Space wrap>
            <Button size="small" icon={<FilePdfOutlined />} href={resultPdfUrl(code)} target="_blank" rel="noopener noreferrer" data-testid="signed-result-link">
              {t('signing.download')}
            </Button>
            <a href={s.verifyUrl} target="_blank" rel="noopener noreferrer">{t('signing.verify')}</a>
          </Space>
        </div>
      </div>
    );
  }
  if (!q.data.canSign) return null;
  return (
    <div className="signature-box">
      <Popconfirm
        title={t('signing.confirmTitle')}
        description={t('signing.confirm')}
        okText={t('signing.sign')}
        cancelText={t('common.cancel')}
        onConfirm={() => sign.mutateAsync().then(() => message.success(t('signing.done')), (e: Error) => message.error(e.message))}
      >
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={sign.isPending} data-testid="sign-result">
          {t('signing.sign')}
        </Button>
      </Popconfirm>
    </div>
  );
}
