// A small React wrapper around Apache ECharts (tree-shaken: only the charts and components used here). Only console
// pages import it, and those are loaded lazily, so the public pages never download it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { theme } from '../../theme';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, SVGRenderer]);

export type ChartOption = EChartsCoreOption;

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** Clicking a bar or a slice (e.g. to open the list it counts). */
  onClick?: (e: ECElementEvent) => void;
  ariaLabel: string;
  testId?: string;
}

/** An ECharts chart that follows its container's width and is disposed with the component. */
export function EChart({ option, height, onClick, ariaLabel, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // The app's font named explicitly: ECharts measures label widths with it (legends, truncation).
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: theme.token?.fontFamily }, ...option }, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} data-testid={testId} className={onClick ? 'chart-clickable' : undefined} />;
}

/** The console's palette for figures: early, on time, late, overdue, neutral. */
export const CHART_COLORS = { early: '#2f7d32', onTime: '#1f4e8c', late: '#c62828', overdue: '#e65100', within: '#5b8def', online: '#7b61c9', direct: '#1f4e8c', carried: '#9db8de', gold: '#c98a00' };
