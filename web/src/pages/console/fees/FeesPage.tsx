import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Input } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { DossierFees } from './DossierFees';
import '../../../components/fees/fees.css';

const CODE_IN_TEXT = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/i;

/**
 * What a scanner or a clerk typed → a dossier code: the code itself, or the code found inside a scanned text
 * (the QR code of the acknowledgement slip holds the tracking address …/tra-cuu/{code}).
 */
function dossierCodeFrom(text: string): string {
  const s = text.trim();
  const found = CODE_IN_TEXT.exec(s);
  if (found) return found[0].toUpperCase();
  if (/^https?:\/\//i.test(s)) {
    try {
      const last = new URL(s).pathname.split('/').filter(Boolean).pop();
      if (last) return decodeURIComponent(last);
    } catch {
      /* not a URL after all */
    }
  }
  return s;
}

/** Thu phí, lệ phí: open a dossier by code (typed or scanned + Enter), see its fees, collect, print the receipt. */
export default function FeesPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.menu.collect'));
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim() || undefined;
  const [text, setText] = useState(code ?? '');
  useEffect(() => setText(code ?? ''), [code]);

  const open = (value: string) => {
    const c = dossierCodeFrom(value);
    setText(c);
    if (c) setParams({ code: c });
    else setParams({});
  };

  return (
    <div className="console-page">
      <PageHeader title={t('fees.menu.collect')} subtitle={t('fees.collect.subtitle')} />
      <Card size="small" className="toolbar-card">
        <div className="fee-lookup">
          <Input.Search
            className="fee-lookup-input"
            size="large"
            allowClear
            autoFocus
            prefix={<BarcodeOutlined />}
            placeholder={t('fees.collect.lookupPlaceholder')}
            aria-label={t('fees.collect.lookupLabel')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={open}
            enterButton={t('fees.collect.open')}
            data-testid="fee-lookup"
          />
          <span className="muted small">{t('fees.collect.lookupHint')}</span>
        </div>
      </Card>
      {code && <DossierFees key={code} code={code} />}
    </div>
  );
}
