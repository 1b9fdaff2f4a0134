import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import {
  CheckOutlined, CloseCircleOutlined, DesktopOutlined, ExportOutlined, FastForwardOutlined, LoginOutlined, NotificationOutlined,
  PauseCircleOutlined, PlayCircleOutlined, ReloadOutlined, SwapOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMe } from '../../../api/hooks';
import type { QueueCounter, QueueTicket } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  fetchTicketHistory, queueKeys, useCounterAction, useKiosk, useQueueCounters, useTicketHistory, useTransferTicket, type CounterAction, type CounterActionResult,
} from '../../../components/queue/api';
import { useBoardStream } from '../../../components/queue/useBoardStream';
import { counterFieldLabel, hhmm, splitFieldName } from '../../../components/queue/util';
import { PageHeader } from '../PageHeader';
import '../../../components/queue/queue.css';

const COUNTER_KEY = 'motcua.queue.counter';

function storedCounter(): string | null {
  try {
    return localStorage.getItem(COUNTER_KEY);
  } catch {
    return null;
  }
}

const STATUS_COLOR: Record<QueueTicket['status'], string> = { waiting: 'default', called: 'gold', serving: 'blue', done: 'green', no_show: 'red' };
const COUNTER_COLOR: Record<QueueCounter['status'], string> = { open: 'green', paused: 'orange', closed: 'default' };

/** Keyboard shortcuts of the panel (function keys: nothing else uses them while typing). */
const SHORTCUTS: Record<string, 'callNext' | 'recall' | 'skip' | 'start' | 'finish' | 'transfer'> = {
  F2: 'callNext',
  F3: 'recall',
  F4: 'skip',
  F6: 'start',
  F8: 'finish',
  F9: 'transfer',
};

/** Bàn gọi số: the clerk's panel at a counter (permission queue.serve). */
export default function CounterPage() {
  const { t } = useTranslation();
  usePageTitle(t('queue.panel.title'));
  const { message, modal } = App.useApp();
  const [skipAsking, setSkipAsking] = useState(false);
  const me = useMe().data;
  const center = me?.center?.code;
  const counters = useQueueCounters(center);
  const kiosk = useKiosk(center ?? '');
  const action = useCounterAction(center);
  const transfer = useTransferTicket(center);
  const [chosen, setChosen] = useState<string | null>(storedCounter);
  const [finishOpen, setFinishOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const [codes, setCodes] = useState<string[]>([]);
  const [toField, setToField] = useState<string>();

  // Live waiting counts (and a refresh of the counters when anything happens in the hall).
  const { board } = useBoardStream(center ?? '');
  const refetchCounters = counters.refetch;
  const boardAt = board?.generatedAt;
  useEffect(() => {
    if (boardAt) void refetchCounters();
  }, [boardAt, refetchCounters]);

  const list = useMemo(() => counters.data ?? [], [counters.data]);
  const mine = list.find((c) => me && c.staff?.id === String(me.id));
  const counter = list.find((c) => c.id === chosen) ?? mine ?? null;
  const isMine = !!counter && !!me && counter.staff?.id === String(me.id);
  const current = counter?.current ?? null;
  const busy = action.isPending || transfer.isPending;
  // The dossiers the current ticket stands for (registered at the support desk, or while serving it).
  const linked = useTicketHistory(current?.id).data?.dossiers ?? [];
  const navigate = useNavigate();
  const qc = useQueryClient();

  /** A called number registered at the support desk: open its dossier on the reception screen, to check and receive. */
  const openDossierOf = async (ticket: QueueTicket, counterNumber: number) => {
    const h = await qc.fetchQuery({ queryKey: queueKeys.history(ticket.id), queryFn: () => fetchTicketHistory(ticket.id) }).catch(() => null);
    const d = h?.dossiers.find((x) => x.status === 'submitted');
    if (!d) return;
    navigate(`/console/dossiers/${encodeURIComponent(d.code)}`, { state: { fromTicket: { displayNumber: ticket.displayNumber, counterNumber }, openAction: 'receive' } });
  };

  const choose = (id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(COUNTER_KEY, id);
    } catch {
      /* ignore */
    }
  };

  const fieldName = useCallback(
    (code: string | null) => {
      if (!code) return '';
      const w = board?.waiting.find((x) => x.code === code) ?? kiosk.data?.queues.find((x) => x.code === code);
      return w ? splitFieldName(w.name).main : code;
    },
    [board?.waiting, kiosk.data?.queues],
  );
  const waitingMine = (board?.waiting ?? []).filter((w) => counter?.fields.includes(w.code));
  const waitingTotal = waitingMine.reduce((s, w) => s + w.count, 0);

  const run = (a: CounterAction, body?: unknown) => {
    if (!counter || busy) return;
    action.mutate(
      { counterId: counter.id, action: a, body },
      {
        onSuccess: (res) => {
          const r = (res ?? {}) as CounterActionResult;
          const n = r.ticket?.displayNumber ?? '';
          if (a === 'call-next') {
            if (!r.ticket) {
              void message.info(t('queue.panel.nobodyWaiting'));
              return;
            }
            if (r.closed) void message.info(t('queue.panel.closedBefore', { number: r.closed.displayNumber, status: t(`queue.status.${r.closed.status}`) }));
            void message.success(t('queue.panel.called', { number: n, counter: counter.number }));
            void openDossierOf(r.ticket, counter.number);
          } else if (a === 'recall') {
            if (r.noShow) void message.warning(t('queue.panel.noShowAfterRecalls', { number: n }));
            else void message.success(t('queue.panel.recalled', { number: n }));
          } else if (a === 'skip') void message.success(t('queue.panel.skipped', { number: n }));
          else if (a === 'start') void message.success(t('queue.panel.started', { number: n }));
          else if (a === 'finish') {
            setFinishOpen(false);
            setCodes([]);
            const linked = r.dossierCodes ?? [];
            void message.success(linked.length ? t('queue.panel.finishedLinked', { number: n, codes: linked.join(', ') }) : t('queue.panel.finished', { number: n }));
          } else if (a === 'open') void message.success(t('queue.panel.opened', { n: counter.number }));
          else if (a === 'pause') void message.success(t('queue.panel.pausedOk', { n: counter.number }));
          else if (a === 'close') void message.success(t('queue.panel.closedOk', { n: counter.number }));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  };

  // The dossiers already linked to the ticket are in the finish dialog from the start.
  const openFinish = () => {
    setCodes(linked.map((d) => d.code));
    setFinishOpen(true);
  };

  const doTransfer = () => {
    if (!current || !toField) return;
    transfer.mutate(
      { ticketId: current.id, field: toField },
      {
        onSuccess: (r) => {
          setTransferOpen(false);
          setToField(undefined);
          void message.success(t('queue.panel.transferredOk', { number: r.ticket.displayNumber, field: fieldName(toField) }));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  };

  const can = {
    callNext: isMine && counter?.status === 'open',
    recall: isMine && current?.status === 'called',
    skip: isMine && current?.status === 'called',
    start: isMine && current?.status === 'called',
    finish: isMine && !!current,
    transfer: isMine && !!current,
  };

  // Shortcuts: the latest handlers through a ref, one listener.
  const handlers = useRef<Record<string, () => void>>({});
  // Marking a citizen absent cannot be undone and they lose their turn: the clerk confirms (the key F4 too).
  const askSkip = () => {
    if (!current) return;
    setSkipAsking(true);
    modal.confirm({
      title: t('queue.panel.skipConfirm', { number: current.displayNumber }),
      content: t('queue.panel.skipHint'),
      okText: t('queue.panel.skipOk'), okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run('skip'),
      afterClose: () => setSkipAsking(false),
    });
  };
  // A real dossier code as the example: this center's code, today, number 1.
  const exampleCode = `${me?.center?.code ?? '000.00.15.H57'}-${dayjs().format('YYMMDD')}-0001`;
  handlers.current = {
    callNext: () => can.callNext && run('call-next'),
    recall: () => can.recall && run('recall'),
    skip: () => can.skip && askSkip(),
    start: () => can.start && run('start'),
    finish: () => can.finish && openFinish(),
    transfer: () => can.transfer && setTransferOpen(true),
  };
  const modalOpen = finishOpen || transferOpen || skipAsking;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = SHORTCUTS[e.key];
      if (!name || modalOpen || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      handlers.current[name]?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [modalOpen]);

  const transferTargets = (kiosk.data?.queues ?? []).filter((q) => q.kind === 'field' && q.available && q.code !== current?.field);
  const key = (k: string) => <kbd className="qp-kbd">{k}</kbd>;

  if (me && !me.center) {
    return (
      <div className="console-page">
        <PageHeader title={t('queue.panel.title')} />
        <Alert type="warning" showIcon title={t('queue.panel.noCenter')} />
      </div>
    );
  }

  return (
    <div className="console-page qp">
      <PageHeader
        title={t('queue.panel.title')}
        subtitle={t('queue.panel.subtitle')}
        extra={
          center && (
            <Space wrap>
              <Button icon={<DesktopOutlined />} href={`/kiosk/${encodeURIComponent(center)}`} target="_blank" rel="noopener">
                {t('queue.panel.openKiosk')} <ExportOutlined />
              </Button>
              <Button icon={<NotificationOutlined />} href={`/board/${encodeURIComponent(center)}`} target="_blank" rel="noopener">
                {t('queue.panel.openBoard')} <ExportOutlined />
              </Button>
            </Space>
          )
        }
      />

      <Card size="small" className="toolbar-card">
        <div className="toolbar qp-toolbar">
          <Select
            className="qp-counter-select"
            placeholder={t('queue.panel.chooseCounter')}
            value={counter?.id}
            onChange={choose}
            loading={counters.isPending}
            aria-label={t('queue.panel.chooseCounter')}
            data-testid="counter-select"
            popupMatchSelectWidth={false}
            options={list.map((c) => ({
              value: c.id,
              label: `${t('queue.counter', { n: c.number })} – ${counterFieldLabel(c.name)}${c.staff ? ` · ${c.staff.fullName}` : ''}`,
            }))}
          />
          {counter && (
            <>
              <Tag color={COUNTER_COLOR[counter.status]} data-testid="counter-status">
                {t(`queue.counterStatus.${counter.status}`)}
              </Tag>
              <span className="muted">
                {t('queue.panel.staff')}: {counter.staff?.fullName ?? t('queue.panel.nobody')}
              </span>
              <span className="qp-toolbar-spacer" />
              {(!isMine || counter.status === 'closed') && (
                <Button icon={<LoginOutlined />} type="primary" onClick={() => run('open')} loading={busy && action.variables?.action === 'open'}>
                  {t('queue.panel.openCounter')}
                </Button>
              )}
              {isMine && counter.status === 'paused' && (
                <Button icon={<PlayCircleOutlined />} type="primary" onClick={() => run('open')}>
                  {t('queue.panel.resume')}
                </Button>
              )}
              {isMine && counter.status === 'open' && (
                <Button icon={<PauseCircleOutlined />} onClick={() => run('pause')}>
                  {t('queue.panel.pause')}
                </Button>
              )}
              {isMine && counter.status !== 'closed' && (
                <Popconfirm title={t('queue.panel.closeConfirm', { n: counter.number })} onConfirm={() => run('close')} okText={t('queue.panel.confirm')} cancelText={t('common.cancel')}>
                  <Button icon={<CloseCircleOutlined />} danger>
                    {t('queue.panel.close')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        </div>
      </Card>

      {counter && !isMine && (
        <Alert className="qp-alert" type="info" showIcon title={counter.staff ? t('queue.panel.takenBy', { name: counter.staff.fullName }) : t('queue.panel.notMine')} />
      )}
      {counter && isMine && counter.status === 'paused' && <Alert className="qp-alert" type="warning" showIcon title={t('queue.panel.paused')} />}

      {counter ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card className="qp-current" title={`${t('queue.counterNo', { n: counter.number })} · ${counterFieldLabel(counter.name)}`}>
              <div className="qp-current-body" data-testid="counter-current">
                {current ? (
                  <>
                    <div className="qp-number-label">{current.status === 'called' ? t('queue.panel.currentCalled') : t('queue.panel.current')}</div>
                    <div className="qp-number" data-testid="counter-current-number">
                      {current.displayNumber}
                    </div>
                    <Space wrap className="qp-current-tags">
                      <Tag color={STATUS_COLOR[current.status]} data-testid="counter-current-status">
                        {t(`queue.status.${current.status}`)}
                      </Tag>
                      {current.priority && <Tag color="magenta">{`${t('queue.priority')}: ${kiosk.data?.priorities.find((p) => p.code === current.priority)?.name ?? current.priority}`}</Tag>}
                      <Tag>{fieldName(current.field ?? current.queue) || splitFieldName(current.fieldName).main}</Tag>
                    </Space>
                    {linked.length > 0 && (
                      <div className="qp-linked" data-testid="counter-linked">
                        {t('queue.panel.linkedDossiers')}{' '}
                        {linked.map((d) => (
                          <Link key={d.code} to={`/console/dossiers/${encodeURIComponent(d.code)}`} className="code">
                            {d.code}
                          </Link>
                        ))}
                      </div>
                    )}
                    <div className="qp-times muted">
                      <span>{t('queue.panel.issuedAt', { time: hhmm(current.issuedAt) })}</span>
                      {current.calledAt && <span>{t('queue.panel.calledAt', { time: hhmm(current.calledAt) })}</span>}
                      {current.startedAt && <span>{t('queue.panel.startedAt', { time: hhmm(current.startedAt) })}</span>}
                      {current.recallCount > 0 && <span>{t('queue.panel.recalls', { count: current.recallCount })}</span>}
                      {current.transferCount > 0 && <span>{t('queue.panel.transferred', { count: current.transferCount })}</span>}
                    </div>
                  </>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<><div>{t('queue.panel.noCurrent')}</div><div className="muted small">{t('queue.panel.noCurrentHint')}</div></>} />
                )}
              </div>
              <div className="qp-buttons">
                <Button
                  type="primary"
                  size="large"
                  className="qp-btn qp-btn-next"
                  icon={<NotificationOutlined />}
                  disabled={!can.callNext}
                  loading={busy && action.variables?.action === 'call-next'}
                  onClick={() => run('call-next')}
                  data-testid="call-next"
                >
                  {t('queue.panel.callNext')} {key('F2')}
                </Button>
                <Button size="large" className="qp-btn" icon={<ReloadOutlined />} disabled={!can.recall} onClick={() => run('recall')} data-testid="recall">
                  {t('queue.panel.recall')} {key('F3')}
                </Button>
                <Button size="large" className="qp-btn" icon={<FastForwardOutlined />} disabled={!can.skip} onClick={askSkip} danger data-testid="skip" title={t('queue.panel.skipHint')}>
                  {t('queue.panel.skip')} {key('F4')}
                </Button>
                <Button size="large" className="qp-btn" icon={<PlayCircleOutlined />} disabled={!can.start} onClick={() => run('start')} data-testid="start">
                  {t('queue.panel.start')} {key('F6')}
                </Button>
                <Button size="large" className="qp-btn qp-btn-finish" icon={<CheckOutlined />} disabled={!can.finish} onClick={openFinish} data-testid="finish">
                  {t('queue.panel.finish')} {key('F8')}
                </Button>
                <Button size="large" className="qp-btn qp-btn-transfer" icon={<SwapOutlined />} disabled={!can.transfer} onClick={() => setTransferOpen(true)} data-testid="transfer">
                  {t('queue.panel.transfer')} {key('F9')}
                </Button>
              </div>
              <div className="muted small qp-shortcuts">{t('queue.panel.shortcuts')}</div>
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card title={t('queue.panel.waitingMine')} className="qp-waiting">
              <div className="qp-waiting-total" data-testid="counter-waiting">
                <span className="qp-waiting-number">{waitingTotal}</span> <span className="muted">{t('queue.panel.waitingTotal')}</span>
              </div>
              <ul className="qp-waiting-list">
                {waitingMine.map((w) => (
                  <li key={w.code}>
                    <span>{splitFieldName(w.name).main}</span>
                    <strong>{w.count}</strong>
                  </li>
                ))}
              </ul>
            </Card>
            {board && board.recentCalls.length > 0 && (
              <Card title={t('queue.board.recent')} className="qp-recent" size="small">
                <ul className="qp-waiting-list">
                  {board.recentCalls.slice(0, 6).map((r) => (
                    <li key={`${r.displayNumber}-${r.calledAt}`}>
                      <span>
                        <strong>{r.displayNumber}</strong> → {t('queue.counter', { n: r.counterNumber })}
                      </span>
                      <span className="muted">{hhmm(r.calledAt)}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </Col>
        </Row>
      ) : (
        !counters.isPending && <Empty description={t('queue.panel.chooseCounter')} />
      )}

      <Modal
        open={finishOpen}
        title={t('queue.panel.finishTitle', { number: current?.displayNumber ?? '' })}
        okText={t('queue.panel.finish')}
        cancelText={t('common.cancel')}
        onOk={() => run('finish', { dossierCodes: codes })}
        onCancel={() => setFinishOpen(false)}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('queue.panel.dossierCodes')} extra={t('queue.panel.dossierCodesHint')}>
            <Select
              mode="tags"
              value={codes}
              onChange={(v: string[]) => setCodes(v.map((x) => x.trim()).filter(Boolean))}
              tokenSeparators={[',', ' ', ';']}
              placeholder={t('queue.panel.dossierCodesPlaceholder', { example: exampleCode })}
              open={false}
              suffixIcon={null}
              autoFocus
              aria-label={t('queue.panel.dossierCodes')}
            />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={transferOpen}
        title={t('queue.panel.transferTitle', { number: current?.displayNumber ?? '' })}
        okText={t('queue.panel.transfer')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !toField }}
        onOk={doTransfer}
        onCancel={() => setTransferOpen(false)}
        confirmLoading={transfer.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('queue.panel.transferHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('queue.panel.transferField')} required>
            <Select
              value={toField}
              onChange={setToField}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('queue.panel.transferField')}
              options={transferTargets.map((q) => ({ value: q.code, label: `${splitFieldName(q.name).main} (${t('queue.counters', { list: q.counters.join(', ') })})` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
