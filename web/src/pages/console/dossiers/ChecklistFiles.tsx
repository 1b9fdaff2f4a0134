// The dossier's document checklist with its digitized files: upload per item (button or drag-and-drop), reuse a
// file stored for the same applicant, view any file.
import { useState } from 'react';
import { App, Button, Empty, Modal, Select, Table, Tag, Tooltip, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleFilled, CloseCircleOutlined, CloudUploadOutlined, EyeOutlined, FileOutlined, PaperClipOutlined, RetweetOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierChecklistItem, DossierDetail, DossierFile, ReusableFile } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { dossierTime } from '../../../components/dossier/DossierTags';
import { fileUrl, useReusableFiles, useReuseFile, useUploadFile } from './api';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function fileSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function FileLink({ code, f }: { code: string; f: DossierFile }) {
  const { t } = useTranslation();
  return (
    <a href={fileUrl(code, f.id)} target="_blank" rel="noopener noreferrer" className="file-link" title={`${t('dossiers.files.view')}: ${f.name}`}>
      <PaperClipOutlined /> {f.name}
    </a>
  );
}

export function ChecklistFiles({ dossier, canUpload }: { dossier: DossierDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadFile(dossier.code);
  const reuse = useReuseFile(dossier.code);
  const reusable = useReusableFiles(dossier.code, canUpload);
  const [reuseOpen, setReuseOpen] = useState(false);
  const firstWithout = dossier.checklist.find((c) => !dossier.files.some((f) => f.checklistIndex === c.index));
  const [target, setTarget] = useState<number | null | undefined>(undefined);
  const dropTarget = target === undefined ? (firstWithout?.index ?? dossier.checklist[0]?.index ?? null) : target;

  const send = (file: File, index: number | null) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('dossiers.files.tooLarge'));
      return;
    }
    const key = `up-${file.name}`;
    void message.loading({ key, content: t('dossiers.files.uploading', { name: file.name }), duration: 0 });
    upload.mutate(
      { file, checklistIndex: index },
      {
        onSuccess: (f) => void message.success({ key, content: t('dossiers.files.uploaded', { name: f.name }) }),
        onError: (e) => void message.error({ key, content: errorText(t, e) }),
      },
    );
  };

  const itemName = (index: number | null) => (index === null ? t('dossiers.files.general') : `${index + 1}. ${dossier.checklist.find((c) => c.index === index)?.name ?? ''}`);

  const columns: ColumnsType<DossierChecklistItem> = [
    { title: t('dossiers.checklist.no'), dataIndex: 'index', width: 48, align: 'center', render: (i: number) => i + 1 },
    {
      title: t('dossiers.checklist.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <div>
          <span>{name}</span>{' '}
          {c.mandatory && (
            <Tag color="red" className="mandatory-tag">
              {t('dossiers.checklist.mandatory')}
            </Tag>
          )}
          <div className="checklist-files">
            {dossier.files
              .filter((f) => f.checklistIndex === c.index)
              .map((f) => (
                <FileLink key={f.id} code={dossier.code} f={f} />
              ))}
          </div>
        </div>
      ),
    },
    { title: t('dossiers.checklist.original'), dataIndex: 'original', width: 92, align: 'center' },
    { title: t('dossiers.checklist.copy'), dataIndex: 'copy', width: 72, align: 'center' },
    {
      title: t('dossiers.checklist.presented'),
      dataIndex: 'presented',
      width: 82,
      align: 'center',
      render: (p: boolean) =>
        p ? (
          <Tooltip title={t('dossiers.checklist.yes')}>
            <CheckCircleFilled className="presented-yes" aria-label={t('dossiers.checklist.yes')} />
          </Tooltip>
        ) : (
          <Tooltip title={t('dossiers.checklist.no_')}>
            <CloseCircleOutlined className="presented-no" aria-label={t('dossiers.checklist.no_')} />
          </Tooltip>
        ),
    },
    ...(canUpload
      ? [
          {
            title: t('dossiers.checklist.files'),
            key: 'upload',
            width: 96,
            align: 'center' as const,
            render: (_: unknown, c: DossierChecklistItem) => (
              <Upload accept={ACCEPT} showUploadList={false} customRequest={({ file }) => send(file as File, c.index)}>
                <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${c.index}`}>
                  {t('dossiers.files.upload')}
                </Button>
              </Upload>
            ),
          },
        ]
      : []),
  ];

  const otherFiles = dossier.files.filter((f) => f.checklistIndex === null || f.kind === 'result');

  return (
    <div className="checklist-files-panel">
      <Table<DossierChecklistItem>
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={dossier.checklist}
        pagination={false}
        className="dossier-checklist"
        data-testid="dossier-checklist"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossiers.reception.checklistEmpty')} /> }}
        scroll={{ x: 560 }}
      />

      {otherFiles.length > 0 && (
        <div className="other-files">
          {otherFiles.map((f) => (
            <div key={f.id} className="other-file">
              <Tag color={f.kind === 'result' ? 'green' : 'default'}>{t(`dossiers.files.kind.${f.kind}`)}</Tag>
              <FileLink code={dossier.code} f={f} />
              <span className="muted small">
                {' '}
                · {fileSize(f.size)} · {dossierTime(f.uploadedAt)}
              </span>
            </div>
          ))}
        </div>
      )}

      {canUpload && (
        <div className="upload-area">
          <div className="upload-target">
            <span className="muted small">{t('dossiers.files.target')}:</span>
            <Select
              size="small"
              className="upload-target-select"
              value={dropTarget === null ? 'general' : dropTarget}
              onChange={(v: number | 'general') => setTarget(v === 'general' ? null : v)}
              popupMatchSelectWidth={false}
              options={[
                ...dossier.checklist.map((c) => ({ value: c.index, label: `${c.index + 1}. ${c.name}` })),
                { value: 'general' as const, label: t('dossiers.files.general') },
              ]}
            />
            {(reusable.data?.length ?? 0) > 0 && (
              <Button size="small" icon={<RetweetOutlined />} onClick={() => setReuseOpen(true)} data-testid="reuse-open">
                {t('dossiers.files.reuse', { count: reusable.data?.length })}
              </Button>
            )}
          </div>
          <Upload.Dragger accept={ACCEPT} multiple showUploadList={false} customRequest={({ file }) => send(file as File, dropTarget)} className="dossier-dragger">
            <p className="dragger-icon">
              <CloudUploadOutlined />
            </p>
            <p className="dragger-text">{t('dossiers.files.drop')}</p>
            <p className="muted small">{t('dossiers.files.dropHint', { item: itemName(dropTarget) })}</p>
          </Upload.Dragger>
        </div>
      )}

      {!canUpload && dossier.files.length === 0 && <div className="muted small files-none">{t('dossiers.files.none')}</div>}

      {reuseOpen && (
        <Modal open title={t('dossiers.files.reuseTitle')} footer={null} onCancel={() => setReuseOpen(false)} width={720} destroyOnHidden>
          <p className="muted">{t('dossiers.files.reuseHint')}</p>
          <Table<ReusableFile>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={reusable.data ?? []}
            columns={[
              { title: t('dossiers.files.name'), dataIndex: 'name', render: (n: string) => <span><FileOutlined /> {n}</span> },
              { title: t('dossiers.files.fromDossier'), dataIndex: 'fromDossier', render: (c: string) => <span className="code">{c}</span> },
              { title: t('dossiers.files.at'), dataIndex: 'uploadedAt', width: 130, render: (d: string) => dossierTime(d) },
              { title: t('dossiers.files.size'), dataIndex: 'size', width: 80, render: (n: number) => fileSize(n) },
              {
                title: '',
                key: 'use',
                width: 100,
                render: (_, f) => (
                  <Button
                    size="small"
                    type="primary"
                    loading={reuse.isPending && reuse.variables?.reuseFileId === f.id}
                    onClick={() =>
                      reuse.mutate(
                        { reuseFileId: f.id, checklistIndex: dropTarget },
                        {
                          onSuccess: () => {
                            void message.success(t('dossiers.files.reused', { name: f.name }));
                            setReuseOpen(false);
                          },
                          onError: (e) => void message.error(errorText(t, e)),
                        },
                      )
                    }
                  >
                    {t('dossiers.files.reuseAction')}
                  </Button>
                ),
              },
            ]}
          />
          <div className="muted small reuse-target">
            <EyeOutlined /> {t('dossiers.files.attachTo', { item: itemName(dropTarget) })}
          </div>
        </Modal>
      )}
    </div>
  );
}
