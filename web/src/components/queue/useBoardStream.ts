import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../../api/client';
import type { QueueBoard, QueueCallEvent, QueueCall } from '../../api/types';
import { fetchBoard } from './api';

// The live board of a center: the snapshot (GET /queue/board), then the Server-Sent Events of
// /queue/board/stream. A call is applied at once (the number appears on its counter within the second), and
// the snapshot is read again shortly after any event, after a reconnect and every minute (dossier figures have
// no events). EventSource reconnects by itself after a network error; when the server refuses the stream
// (the EventSource is then closed for good) a new one is opened after a pause.

const RESYNC_DELAY_MS = 700;
const PERIODIC_MS = 60_000;
const REOPEN_MS = 5_000;

export interface BoardStream {
  board: QueueBoard | null;
  error: unknown;
  /** The stream is open. */
  live: boolean;
  /** Increases with every call or recall event: restarts the highlight animation. */
  callSeq: number;
}

function applyCall(b: QueueBoard | null, c: QueueCallEvent): QueueBoard | null {
  if (!b) return b;
  const call: QueueCall = { counterNumber: c.counterNumber, number: c.number, displayNumber: c.displayNumber, fieldCode: c.fieldCode, calledAt: c.at };
  return {
    ...b,
    latestCall: call,
    recentCalls: [call, ...b.recentCalls.filter((r) => !(r.displayNumber === c.displayNumber && r.counterNumber === c.counterNumber))].slice(0, 10),
    counters: b.counters.map((k) =>
      k.number !== c.counterNumber
        ? k
        : {
            ...k,
            status: k.status === 'closed' ? 'open' : k.status,
            current: {
              ...(k.current && k.current.id === c.ticketId
                ? k.current
                : {
                    id: c.ticketId, number: c.number, queue: c.fieldCode ?? '', field: c.fieldCode, fieldName: '', group: null, priority: null,
                    issuedAt: c.at, startedAt: null, finishedAt: null, recallCount: 0, transferCount: 0, counter: { id: k.id, number: k.number, name: k.name },
                  }),
              displayNumber: c.displayNumber,
              status: 'called',
              calledAt: c.at,
            },
          },
    ),
  };
}

/** `center`: id or code; empty = not yet known (nothing is opened). */
export function useBoardStream(center: string, onCall?: (e: QueueCallEvent) => void): BoardStream {
  const [board, setBoard] = useState<QueueBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const [callSeq, setCallSeq] = useState(0);
  const onCallRef = useRef(onCall);
  useEffect(() => {
    onCallRef.current = onCall;
  }, [onCall]);

  useEffect(() => {
    if (!center) return;
    let stopped = false;
    let es: EventSource | null = null;
    let resyncTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let loadSeq = 0;

    const load = async () => {
      const seq = ++loadSeq;
      try {
        const b = await fetchBoard(center);
        // An older answer must not overwrite a newer one.
        if (!stopped && seq === loadSeq) {
          setBoard(b);
          setError(null);
        }
      } catch (e) {
        if (!stopped && seq === loadSeq) setError(e);
      }
    };
    const resyncSoon = () => {
      loadSeq++; // an answer still in flight predates this event: drop it
      clearTimeout(resyncTimer);
      resyncTimer = setTimeout(() => void load(), RESYNC_DELAY_MS);
    };
    const data = <T,>(ev: Event): T | null => {
      try {
        return JSON.parse((ev as MessageEvent<string>).data) as T;
      } catch {
        return null;
      }
    };

    const open = () => {
      if (stopped) return;
      let failed = false;
      const source = new EventSource(apiUrl('/queue/board/stream', { center }));
      es = source;
      source.onopen = () => {
        setLive(true);
        if (failed) void load(); // reconnected: whatever happened meanwhile is in a fresh snapshot
        failed = false;
      };
      source.onerror = () => {
        setLive(false);
        failed = true;
        if (source.readyState === EventSource.CLOSED) {
          // Refused (HTTP error, wrong content type): EventSource gives up; try again later.
          source.close();
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(() => {
            void load();
            open();
          }, REOPEN_MS);
        }
      };
      source.addEventListener('snapshot', (ev) => {
        const b = data<QueueBoard>(ev);
        if (b) {
          loadSeq++; // supersedes a GET still in flight
          setBoard(b);
          setError(null);
        }
      });
      source.addEventListener('call', (ev) => {
        const c = data<QueueCallEvent>(ev);
        if (!c) return;
        resyncSoon();
        setBoard((b) => applyCall(b, c));
        setCallSeq((n) => n + 1);
        onCallRef.current?.(c);
      });
      source.addEventListener('ticket', () => resyncSoon());
      source.addEventListener('counter', () => resyncSoon());
    };

    void load();
    open();
    const periodic = setInterval(() => void load(), PERIODIC_MS);
    return () => {
      stopped = true;
      es?.close();
      clearTimeout(resyncTimer);
      clearTimeout(reopenTimer);
      clearInterval(periodic);
    };
  }, [center]);

  return { board, error, live, callSeq };
}
