import { useRef, useState } from 'react';
import { Alert, App, Button, Modal, Table, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useImportCatalog } from '../../../api/hooks';
import type { ImportResult } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { ApiError } from '../../../api/client';

/** Upload an exported catalog file ({ procedures: [...] }) and show what the server created, updated or refused. */
export function ImportButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const importer = useImportCatalog();
  const [result, setResult] = useState<(ImportResult & { refused?: string }) | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      void message.error(t('catalog.importBadFile'));
      return;
    }
    if (Array.isArray(body)) body = { procedures: body };
    importer.mutate(body, {
      onSuccess: (r) => setResult(r),
      onError: (e) => {
        // The server imports all or nothing: a refused file comes back as 400 with the rows at fault.
        const rows = e instanceof ApiError ? e.problem.errors : undefined;
        if (rows?.length) setResult({ created: 0, updated: 0, errors: rows.map((r) => ({ code: r.code ?? '', message: r.message ?? '' })), refused: errorText(t, e) });
        else void message.error(errorText(t, e));
      },
    });
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="catalog-import-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Button icon={<ImportOutlined />} loading={importer.isPending} onClick={() => input.current?.click()}>
        {t('catalog.importJson')}
      </Button>
      <Modal
        open={!!result}
        title={t('catalog.importResult')}
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('common.close')}
        width={640}
      >
        {result && (
          <>
            {result.refused ? (
              <Alert type="error" showIcon title={result.refused} />
            ) : (
              <Alert
                type={result.errors.length ? 'warning' : 'success'}
                showIcon
                title={t('catalog.importSummary', { created: result.created, updated: result.updated, errors: result.errors.length })}
              />
            )}
            {result.errors.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('catalog.importErrors')}
                </Typography.Title>
                <Table
                  size="small"
                  rowKey={(r) => `${r.code}-${r.message}`}
                  pagination={false}
                  dataSource={result.errors}
                  columns={[
                    { title: t('procedures.col.code'), dataIndex: 'code', width: 140 },
                    { title: t('catalog.errorMessage'), dataIndex: 'message' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Modal>
    </>
  );
}
