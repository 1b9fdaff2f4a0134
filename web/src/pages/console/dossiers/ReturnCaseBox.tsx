// At the return counter: which case applies (on time, late, not resolved, rejected), as the server says, and the
// papers to hand over or print for it.
import { Alert, App, Button, Spin } from 'antd';
import { FilePdfOutlined, PaperClipOutlined, TabletOutlined } from '@ant-design/icons';
import { useMe } from '../../../api/hooks';
import { errorText } from '../../../components/ErrorState';
import { useInviteToRate } from '../evaluations/api';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, DossierReturnCase } from '../../../api/types';
import { fileUrl, formUrl, useReturnCase } from './api';

const TYPE: Record<DossierReturnCase['case'], 'success' | 'warning' | 'error' | 'info'> = {
  on_time: 'success',
  late: 'warning',
  not_resolved: 'error',
  rejected: 'warning',
  returned: 'info',
  not_received: 'info',
  closed: 'info',
};

export function ReturnCaseBox({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const rc = useReturnCase(dossier.code, true, dossier.version);
  if (rc.isPending) return <Spin size="small" />;
  if (rc.isError || !rc.data) return null;
  const resultFile = dossier.files.find((f) => f.kind === 'result' && (!dossier.result?.fileId || f.id === dossier.result.fileId));

  const printButton = (form: 'apology' | 'evaluation' | 'rejection') => (
    <Button size="small" icon={<FilePdfOutlined />} href={formUrl(dossier.code, form)} target="_blank" rel="noopener noreferrer" data-print={form}>
      {t('dossiers.returnCase.print')}
    </Button>
  );

  const docLine = (doc: DossierReturnCase['documents'][number]) => {
    switch (doc) {
      case 'result':
        return resultFile ? (
          <a href={fileUrl(dossier.code, resultFile.id)} target="_blank" rel="noopener noreferrer">
            <PaperClipOutlined /> {t('dossiers.returnCase.viewResult')}
          </a>
        ) : (
          <span className="muted">({t('dossiers.returnCase.paper')})</span>
        );
      case 'apology':
        return printButton(doc);
      case 'evaluation':
        return <>{printButton(doc)} <InviteButton code={dossier.code} /></>;
      case 'rejection':
        return (
          <>
            {printButton('rejection')}
            {dossier.result?.reason ? <div className="muted">{dossier.result.reason}</div> : null}
          </>
        );
      case 'extension':
        return dossier.can.extend ? <span className="muted">({t('dossiers.returnCase.extensionHint')})</span> : null;
      default:
        return null;
    }
  };
  const docName = (doc: DossierReturnCase['documents'][number]) =>
    doc === 'apology' && rc.data.case === 'late' ? t('dossiers.returnCase.doc.apologyLate') : t(`dossiers.returnCase.doc.${doc}`);

  return (
    <Alert
      className="return-case"
      data-testid="return-case"
      data-case={rc.data.case}
      type={TYPE[rc.data.case]}
      showIcon
      title={<span className="strong">{t('dossiers.returnCase.title')}</span>}
      description={
        <div>
          <div className="return-case-message">{rc.data.message}</div>
          {rc.data.documents.length > 0 && (
            <>
              <div className="return-case-docs-title">{t('dossiers.returnCase.documents')}:</div>
              <ul className="return-case-docs">
                {rc.data.documents.map((doc) => (
                  <li key={doc}>
                    <span>{docName(doc)}</span> {docLine(doc)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {/* Just handed over: the citizen is still at the counter and can rate on its tablet. */}
          {rc.data.case === 'returned' && <div style={{ marginTop: 6 }}><InviteButton code={dossier.code} /></div>}
        </div>
      }
    />
  );
}

/** "Mời đánh giá": puts the dossier on the evaluation tablet of the clerk's counter. */
function InviteButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const invite = useInviteToRate();
  if (!me?.permissions.includes('dossiers.return')) return null;
  return (
    <Button size="small" icon={<TabletOutlined />} loading={invite.isPending} data-testid="invite-rate"
      onClick={() => invite.mutate(code, {
        onSuccess: (r) => void message.success(t('evaluations.invited', { tablet: r.tablet, counter: r.counter })),
        onError: (e) => void message.error(errorText(t, e)),
      })}>
      {t('evaluations.invite')}
    </Button>
  );
}
