// One document of a citizen's online dossier (issue 15, part 2): upload a file for it, or reuse one of the citizen's
// own papers from their earlier dossiers ("Giấy tờ của tôi", only ever their own: the server checks it). Used by the
// e-form after submitting and by the supplement form on the dossier page. Light components (public-ui): no antd.
import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client';
import type { Answer } from '../../api/types';
import { formatDate } from '../../lib/format';
import { Alert, Button } from '../../public-ui';
import { FileIcon, UploadIcon } from '../../public-ui/icons';
import '../../components/dossier/track.css';
import './citizen.css';
import '../../i18n/citizen-strings';

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
  const input = useRef<HTMLInputElement>(null);
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
  const send = (body: FormData | { reuseFileId: string; checklistIndex: number }) => {
    setBusy(true);
    http.post<Uploaded>(`/citizen/dossiers/${encodeURIComponent(code)}/files`, body)
      .then(finish).catch((e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  const upload = (file: File | undefined) => {
    if (!file) return;
    const fd = new FormData();
    fd.append('checklistIndex', String(doc.index));
    fd.append('file', file);
    send(fd);
  };
  const selectId = `reuse-${code}-${doc.index}`;
  return (
    <div className="doc-upload" data-testid={`doc-${doc.index}`}>
      <div><strong>{doc.index + 1}. {doc.name}</strong> {doc.mandatory ? <span className="doc-mandatory">*</span> : null}</div>
      {have.length > 0 && <div className="muted small">{t('onlineSubmit.have', { names: have.join(', ') })}</div>}
      <div className="doc-upload-actions">
        {/* The phone's own file picker, opened by the button (which carries the document's name for screen readers). */}
        <input ref={input} type="file" hidden accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => { upload(e.target.files?.[0]); e.target.value = ''; }} />
        <Button icon={<UploadIcon />} loading={busy} onClick={() => input.current?.click()} aria-label={`${done ? t('onlineSubmit.replace') : t('onlineSubmit.choose')}: ${doc.name}`}
          data-testid={`online-upload-${doc.index}`}>{done ? t('onlineSubmit.replace') : t('onlineSubmit.choose')}</Button>
        {offered.length > 0 && (
          // A native list: the phone's own picker, and a name screen readers announce.
          <select id={selectId} className="reuse-select" aria-label={`${t('onlineSubmit.reuse')}: ${doc.name}`} value="" disabled={busy}
            onChange={(e) => e.target.value && send({ reuseFileId: e.target.value, checklistIndex: doc.index })} data-testid={`online-reuse-${doc.index}`}>
            <option value="">{t('onlineSubmit.reuse')}</option>
            {offered.map((f) => <option key={f.id} value={f.id}>{`${f.name} · ${t('onlineSubmit.reuseFrom', { dossier: f.dossier })}`}</option>)}
          </select>
        )}
      </div>
      <div aria-live="polite">
        {done && <div className="muted small">✓ {done.name}{done.reused ? ` (${t('onlineSubmit.reused')})` : ''}</div>}
      </div>
      {error && <Alert type="error" role="alert" title={error} className="doc-upload-error" />}
    </div>
  );
}

/** "Giấy tờ của tôi" on "Hồ sơ của tôi": what the citizen may reuse. */
export function MyFiles() {
  const { t } = useTranslation();
  const q = useMyFiles();
  if (q.isPending || q.isError) return null;
  return (
    <section className="my-files" data-testid="my-files">
      <h2 className="citizen-h2">{t('onlineSubmit.myFiles')}</h2>
      <p className="muted small">{t('onlineSubmit.myFilesIntro')}</p>
      {q.data.items.length === 0 ? <p className="muted">{t('onlineSubmit.myFilesEmpty')}</p> : (
        <ul className="pu-list pu-list-small">
          {q.data.items.map((f) => (
            <li key={f.id}>
              <div><FileIcon /> {f.name}</div>
              <div className="muted small">{[f.document, t('onlineSubmit.reuseFrom', { dossier: f.dossier }), formatDate(f.uploadedAt)].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
