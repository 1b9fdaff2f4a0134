import type { TFunction } from 'i18next';
import type { QueueStatsGroup, QueueStatsRow } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { splitFieldName } from './util';

// A plain SVG bar chart for the queue statistics (no chart library in the app): vertical bars over time
// (day, week, month), horizontal bars for fields, counters and clerks.

export type StatsMetric = 'tickets' | 'wait' | 'service';

const NAVY = '#1f4e8c';
const LIGHT = '#9db8de';
const GOLD = '#c98a00';

/** 0, 1, 2, 5, 10, 20, 50 … at or above x. */
function niceMax(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function values(r: QueueStatsRow, metric: StatsMetric): { main: number; second: number | null } {
  if (metric === 'tickets') return { main: r.tickets, second: r.served };
  if (metric === 'wait') return { main: r.avgWaitMinutes ?? 0, second: r.p90WaitMinutes };
  return { main: r.avgServiceMinutes ?? 0, second: r.p90ServiceMinutes };
}

function shortLabel(r: QueueStatsRow, groupBy: QueueStatsGroup): string {
  if (groupBy === 'day') {
    const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(r.key);
    return m ? `${m[2]}/${m[1]}` : r.label;
  }
  if (groupBy === 'week') {
    const m = /W(\d+)$/.exec(r.key);
    return m ? `T${m[1]}` : r.label;
  }
  if (groupBy === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(r.key);
    return m ? `${m[2]}/${m[1]}` : r.label;
  }
  return r.label;
}

export function StatsChart({ rows, groupBy, metric, t, lang }: { rows: QueueStatsRow[]; groupBy: QueueStatsGroup; metric: StatsMetric; t: TFunction; lang: string }) {
  if (rows.length === 0) return null;
  const vals = rows.map((r) => values(r, metric));
  const max = niceMax(Math.max(...vals.map((v) => Math.max(v.main, v.second ?? 0))));
  const fmt = (n: number) => formatNumber(n, lang);
  const secondName = metric === 'tickets' ? t('queue.stats.legendServed') : 'P90';
  const mainName = metric === 'tickets' ? t('queue.stats.legendTickets') : t(`queue.stats.metric.${metric}`);
  const legend = (
    <div className="qs-legend">
      <span>
        <i style={{ background: metric === 'tickets' ? LIGHT : NAVY }} /> {mainName}
      </span>
      <span>
        <i style={metric === 'tickets' ? { background: NAVY } : { background: GOLD, height: 3 }} /> {secondName}
      </span>
    </div>
  );

  if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') {
    const W = 1000;
    const H = 260;
    const ml = 44;
    const mr = 8;
    const mt = 10;
    const mb = 34;
    const band = (W - ml - mr) / rows.length;
    const y = (v: number) => mt + (H - mt - mb) * (1 - v / max);
    const every = Math.ceil(rows.length / 16);
    return (
      <div className="qs-chart">
        {legend}
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={mainName} data-testid="stats-chart">
          {[0, 0.25, 0.5, 0.75, 1].map((f) => (
            <g key={f}>
              <line x1={ml} x2={W - mr} y1={y(max * f)} y2={y(max * f)} stroke="#e3e7ee" />
              <text x={ml - 6} y={y(max * f) + 4} textAnchor="end" fontSize="12" fill="#5f6b7d">
                {fmt(max * f)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const v = vals[i];
            const x = ml + i * band;
            const bw = Math.min(56, Math.max(2, band * 0.7));
            const bx = x + (band - bw) / 2;
            return (
              <g key={r.key}>
                <title>{`${r.label}: ${mainName} ${fmt(v.main)}${v.second !== null ? ` · ${secondName} ${fmt(v.second)}` : ''}`}</title>
                {metric === 'tickets' ? (
                  <>
                    <rect x={bx} y={y(v.main)} width={bw} height={y(0) - y(v.main)} fill={LIGHT} />
                    <rect x={bx + bw * 0.2} y={y(v.second ?? 0)} width={bw * 0.6} height={y(0) - y(v.second ?? 0)} fill={NAVY} />
                  </>
                ) : (
                  <>
                    <rect x={bx} y={y(v.main)} width={bw} height={y(0) - y(v.main)} fill={NAVY} />
                    {v.second !== null && <rect x={bx} y={y(v.second) - 1.5} width={bw} height={3} fill={GOLD} />}
                  </>
                )}
                {i % every === 0 && (
                  <text x={x + band / 2} y={H - mb + 18} textAnchor="middle" fontSize="12" fill="#5f6b7d">
                    {shortLabel(r, groupBy)}
                  </text>
                )}
              </g>
            );
          })}
          <line x1={ml} x2={W - mr} y1={y(0)} y2={y(0)} stroke="#98a2b3" />
        </svg>
      </div>
    );
  }

  // Horizontal bars: one row per field / counter / clerk.
  const W = 1000;
  const rowH = 30;
  const lw = 300;
  const vw = 110;
  const H = rows.length * rowH + 8;
  const x = (v: number) => lw + (W - lw - vw) * (v / max);
  return (
    <div className="qs-chart">
      {legend}
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={mainName} data-testid="stats-chart">
        {rows.map((r, i) => {
          const v = vals[i];
          const top = 4 + i * rowH;
          const short = groupBy === 'field' ? splitFieldName(r.label).main : r.label;
          const label = short.length > 42 ? `${short.slice(0, 40)}…` : short;
          return (
            <g key={r.key}>
              <title>{`${r.label}: ${mainName} ${fmt(v.main)}${v.second !== null ? ` · ${secondName} ${fmt(v.second)}` : ''}`}</title>
              <text x={lw - 8} y={top + rowH / 2 + 4} textAnchor="end" fontSize="13" fill="#1b2a41">
                {label}
              </text>
              {metric === 'tickets' ? (
                <>
                  <rect x={lw} y={top + 4} width={x(v.main) - lw} height={rowH - 8} fill={LIGHT} />
                  <rect x={lw} y={top + 9} width={x(v.second ?? 0) - lw} height={rowH - 18} fill={NAVY} />
                </>
              ) : (
                <>
                  <rect x={lw} y={top + 5} width={x(v.main) - lw} height={rowH - 10} fill={NAVY} />
                  {v.second !== null && <rect x={x(v.second) - 1.5} y={top + 2} width={3} height={rowH - 4} fill={GOLD} />}
                </>
              )}
              <text x={W - vw + 8} y={top + rowH / 2 + 4} fontSize="13" fill="#1b2a41">
                {metric === 'tickets' ? `${v.main} / ${v.second ?? 0}` : fmt(v.main)}
              </text>
            </g>
          );
        })}
        <line x1={lw} x2={lw} y1={0} y2={H} stroke="#98a2b3" />
      </svg>
    </div>
  );
}
