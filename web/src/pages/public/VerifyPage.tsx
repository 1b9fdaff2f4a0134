// Public verification page the QR code of a signed result opens (/xac-thuc/:id): the document's SHA-256, who signed
// it, the unit and the time, as the Center recorded them — nothing about the applicant — and a file check by
// content (the server hashes the uploaded file). Works on a 390 px phone.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Grid, Skeleton, Space, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { PublicSignature, SignatureCheck } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, groupThousands } from '../../lib/format';

export default function VerifyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  usePageTitle(t('signing.page.title'));
  const [fileName, setFileName] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['verify', id], queryFn: () => http.get<PublicSignature>(`/public/verify/${encodeURIComponent(id)}`), retry: false });
  const check = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return http.post<SignatureCheck>(`/public/verify/${encodeURIComponent(id)}`, form);
    },
  });

  let body;
  if (q.isLoading) body = <Skeleton active />;
  else if (q.error) {
    body = <Alert type="error" showIcon message={q.error instanceof ApiError && [400, 404].includes(q.error.status) ? t('signing.page.notFound') : q.error.message} />;
  } else if (q.data) {
    const s = q.data;
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('signing.page.intro')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered layout={screens.sm === false ? 'vertical' : 'horizontal'} styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={t('signing.page.document')}>{t('signing.page.documentValue', { procedure: s.procedureName })}</Descriptions.Item>
          <Descriptions.Item label={t('signing.page.signer')}><strong>{s.signerName}</strong></Descriptions.Item>
          <Descriptions.Item label={t('signing.page.title2')}>{s.signerTitle}</Descriptions.Item>
          <Descriptions.Item label={t('signing.page.unit')}>{s.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('signing.page.center')}>{s.centerName}</Descriptions.Item>
          <Descriptions.Item label={t('signing.page.signedAt')}>{formatDateTime(s.signedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('signing.page.sha256')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="verify-sha256">{s.sha256}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('signing.page.size')}>{t('signing.page.bytes', { size: groupThousands(s.size, '.') })}</Descriptions.Item>
        </Descriptions>
        <Upload.Dragger
          accept="application/pdf,.pdf"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            setFileName(file.name);
            check.mutate(file);
            return false;
          }}
          data-testid="verify-upload"
        >
          <p className="ant-upload-drag-icon"><UploadOutlined /></p>
          <p className="ant-upload-text">{check.isPending ? t('signing.page.checking') : t('signing.page.upload')}</p>
          {fileName && <p className="ant-upload-hint">{fileName}</p>}
        </Upload.Dragger>
        {check.data && (
          <Alert
            type={check.data.matches ? 'success' : 'error'}
            showIcon
            data-testid="verify-result"
            message={check.data.matches ? t('signing.page.match') : t('signing.page.mismatch')}
            description={check.data.matches ? undefined : <span style={{ wordBreak: 'break-all' }}>{t('signing.page.yourHash', { hash: check.data.sha256 })}</span>}
          />
        )}
        {check.error && <Alert type="error" showIcon message={check.error.message} />}
      </Space>
    );
  }
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600, lineHeight: 1.4 }}><SafetyCertificateOutlined /> {t('signing.page.title')}</h1>} style={{ maxWidth: 760, margin: '16px auto' }}>
      {body}
    </Card>
  );
}
