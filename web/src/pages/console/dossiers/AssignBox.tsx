// Phân công: the head of the department holding the dossier picks a colleague (with how many open dossiers each
// already holds) and assigns it. Shown when the server says `can.assign`.
import { useState } from 'react';
import { App, Button, Card, Select, Space, Tag } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { useAssign, useAssignees } from './api';

export function AssignBox({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = useAssignees(dossier.code, true, dossier.version);
  const assign = useAssign(dossier.code);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const options = (people.data ?? []).map((p) => ({
    value: p.id,
    label: p.fullName,
    disabled: p.current,
    person: p,
  }));
  const chosen = people.data?.find((p) => p.id === picked);

  const submit = () => {
    if (!chosen) return;
    assign.mutate(
      { userId: chosen.id, version: dossier.version },
      {
        onSuccess: () => {
          setPicked(undefined);
          void message.success(t('dossiers.assignBox.done', { name: chosen.fullName }));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  };

  return (
    <Card size="small" className="dossier-card assign-card" data-testid="assign-box" title={<><TeamOutlined /> {t('dossiers.assignBox.title')}</>}>
      <div className="assign-current small">
        {t('dossiers.assignBox.current')}:{' '}
        {dossier.assignee ? <span className="strong" data-testid="assignee-name">{dossier.assignee}</span> : <span className="muted">{t('dossiers.assignBox.none')}</span>}
      </div>
      <Space.Compact className="assign-row">
        <Select
          className="assign-select"
          data-testid="assign-select"
          placeholder={t('dossiers.assignBox.pick')}
          loading={people.isPending}
          popupMatchSelectWidth={340}
          value={picked}
          onChange={setPicked}
          notFoundContent={people.isPending ? undefined : t('dossiers.assignBox.empty')}
          aria-label={t('dossiers.assignBox.pick')}
          options={options}
          optionRender={(o) => {
            const p = (o.data as (typeof options)[number]).person;
            return (
              <div className="assign-option" data-username={p.username}>
                <div>{p.fullName}</div>
                <div className="muted small">
                  {p.roleName} · {t('dossiers.assignBox.load', { count: p.openCount })}
                  {p.current && <Tag className="assign-holding">{t('dossiers.assignBox.holding')}</Tag>}
                </div>
              </div>
            );
          }}
        />
        <Button type="primary" onClick={submit} disabled={!chosen} loading={assign.isPending} data-testid="assign-submit">
          {t('dossiers.assignBox.submit')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
