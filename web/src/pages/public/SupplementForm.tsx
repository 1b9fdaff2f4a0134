// The citizen's supplement (issue 15, part 2), on their dossier page: what the center asked for (the reason and the
// list), an upload (or a reused paper) per document, then "Gửi bổ sung" (POST /citizen/dossiers/{code}/supplement).
// Afterwards the page shows the new status and the change in its history. Light components (public-ui): no antd.
import { useState } from 'react';
import { Alert, Button } from '../../public-ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client';
import type { Answer } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { DocumentUpload } from './DocumentUpload';

type Dossier = Answer<'/api/v1/citizen/dossiers/{code}'>;

export function SupplementForm({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () => http.post(`/citizen/dossiers/${encodeURIComponent(d.code)}/supplement`, note.trim() ? { note: note.trim() } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['citizen'] }),
  });
  if (send.isSuccess) return <Alert type="success" role="status" title={t('onlineSubmit.supplementSent')} className="supplement-sent" data-testid="supplement-sent" />;
  const asked = d.supplementRequest;
  if (!asked || (d.status !== 'needs_supplement' && d.status !== 'paused')) return null;
  // Papers uploaded since the request: the supplement needs at least one (the server checks it too).
  const fresh = d.files.filter((f) => f.kind === 'document' && f.uploadedAt > asked.at).length;
  return (
    <section className="supplement-form" data-testid="supplement-form" aria-labelledby="supplement-title">
      <h2 id="supplement-title" className="citizen-h2">{t('onlineSubmit.supplementTitle')}</h2>
      <p className="small">{t('onlineSubmit.supplementAsked', { date: formatDateTime(asked.at) })}</p>
      {asked.reason && <p>{t('onlineSubmit.supplementReason', { reason: asked.reason })}</p>}
      {asked.missing.length > 0 && (
        <>
          <p><strong>{t('onlineSubmit.supplementMissing')}</strong></p>
          <ul data-testid="supplement-missing">{asked.missing.map((m) => <li key={m}>{m}</li>)}</ul>
        </>
      )}
      <p className="supplement-intro">{t('onlineSubmit.supplementUpload')}</p>
      <div className="pu-stack">
        {d.documents.map((doc) => (
          <DocumentUpload key={doc.index} code={d.code} doc={doc} have={d.files.filter((f) => f.kind === 'document' && f.checklistIndex === doc.index && f.uploadedAt <= asked.at).map((f) => f.name)} />
        ))}
        <div>
          <label className="pu-label" htmlFor="supplement-note">{t('onlineSubmit.supplementNote')}</label>
          <textarea id="supplement-note" className="pu-input" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {fresh === 0 && <Alert type="info" title={t('onlineSubmit.supplementNeedFile')} />}
        {send.error && <Alert type="error" role="alert" title={send.error.message} />}
        <Button variant="primary" size="large" block disabled={fresh === 0} loading={send.isPending} onClick={() => send.mutate()} data-testid="supplement-send">
          {t('onlineSubmit.supplementSend')}
        </Button>
      </div>
    </section>
  );
}
