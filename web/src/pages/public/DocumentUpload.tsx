// One document of a citizen's online dossier (issue 15, part 2): upload a file for it, or reuse one of the citizen's
// own papers from their earlier dossiers ("Giấy tờ của tôi", only ever their own: the server checks it). Used by the
// e-form after submitting and by the supplement form on the dossier page.
import { useState } from 'react';
import { Alert, Button, List, Upload } from 'antd';
import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client';
import type { Answer } from '../../api/types';
import { formatDate } from '../../lib/format';
import '../../components/dossier/track.css';

type MyFilesAnswer = Answer<'/api/v1/citizen/files'>;
interface Uploaded { name: string; reused: boolean }

/** "Giấy tờ của tôi": the citizen's papers, shared by every document row (one request). */
export function useMyFiles() {
  return useQuery({ queryKey: ['citizen', 'files'], queryFn: () => http.get<MyFilesAnswer>('/citizen/files') });
}

export function DocumentUpload({ code, doc, have = [], onDone }: {
  code: string;
  doc: { index: number; name: string; mandatory: boolean };
  /** The files this dossier already has for the document. */
  have?: string[];
  onDone?: (f: Uploaded) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = useMyFiles();
  const [done, setDone] = useState<Uploaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Papers of this very dossier are not offered again.
  const offered = (mine.data?.items ?? []).filter((f) => f.dossier !== code);
  const finish = (f: Uploaded) => {
    setDone(f);
    setError(null);
    onDone?.(f);
    void qc.invalidateQueries({ queryKey: ['citizen'] });
  };
  const reuse = (fileId: string) => {
    setBusy(true);
    http.post<Uploaded>(`/citizen/dossiers/${encodeURIComponent(code)}/files`, { reuseFileId: fileId, checklistIndex: doc.index })
      .then(finish).catch((e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  const selectId = `reuse-${code}-${doc.index}`;
  return (
    <div className="doc-upload" data-testid={`doc-${doc.index}`}>
      <div><strong>{doc.index + 1}. {doc.name}</strong> {doc.mandatory ? <span className="doc-mandatory">*</span> : null}</div>
      {have.length > 0 && <div className="muted small">{t('onlineSubmit.have', { names: have.join(', ') })}</div>}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 6 }}>
        <Upload accept="application/pdf,image/jpeg,image/png" maxCount={1} showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            const fd = new FormData();
            fd.append('checklistIndex', String(doc.index));
            fd.append('file', file as Blob);
            setBusy(true);
            http.post<Uploaded>(`/citizen/dossiers/${encodeURIComponent(code)}/files`, fd)
              .then((r) => { finish(r); onSuccess?.(r); })
              .catch((e: Error) => { setError(e.message); onError?.(e); })
              .finally(() => setBusy(false));
          }}>
          <Button icon={<UploadOutlined />} loading={busy} data-testid={`online-upload-${doc.index}`}>{done ? t('onlineSubmit.replace') : t('onlineSubmit.choose')}</Button>
        </Upload>
        {offered.length > 0 && (
          // A native list: the phone's own picker, and a name screen readers announce.
          <select id={selectId} className="reuse-select" aria-label={`${t('onlineSubmit.reuse')}: ${doc.name}`} value="" disabled={busy}
            onChange={(e) => e.target.value && reuse(e.target.value)} data-testid={`online-reuse-${doc.index}`}>
            <option value="">{t('onlineSubmit.reuse')}</option>
            {offered.map((f) => <option key={f.id} value={f.id}>{`${f.name} · ${t('onlineSubmit.reuseFrom', { dossier: f.dossier })}`}</option>)}
          </select>
        )}
      </div>
      {done && <div className="muted small">✓ {done.name}{done.reused ? ` (${t('onlineSubmit.reused')})` : ''}</div>}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 6 }} />}
    </div>
  );
}

/** "Giấy tờ của tôi" on "Hồ sơ của tôi": what the citizen may reuse. */
export function MyFiles() {
  const { t } = useTranslation();
  const q = useMyFiles();
  if (q.isPending || q.isError) return null;
  return (
    <section style={{ marginTop: 24 }} data-testid="my-files">
      <h2 style={{ fontSize: 16, fontWeight: 600 }}>{t('onlineSubmit.myFiles')}</h2>
      <p className="muted small">{t('onlineSubmit.myFilesIntro')}</p>
      {q.data.items.length === 0 ? <p className="muted">{t('onlineSubmit.myFilesEmpty')}</p> : (
        <List size="small" dataSource={q.data.items} renderItem={(f) => (
          <List.Item key={f.id}>
            <div>
              <div><FileTextOutlined /> {f.name}</div>
              <div className="muted small">{[f.document, t('onlineSubmit.reuseFrom', { dossier: f.dossier }), formatDate(f.uploadedAt)].filter(Boolean).join(' · ')}</div>
            </div>
          </List.Item>
        )} />
      )}
    </section>
  );
}
