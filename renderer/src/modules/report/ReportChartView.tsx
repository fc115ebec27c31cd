// One chart of the report drawn with ECharts on a canvas: initialised on its div, sized to it (a
// ResizeObserver follows the grid's cell), its option set again when the report or the language
// changes, disposed when it goes. ECharts is loaded on first use (its own chunk), not with the app.
import { useEffect, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';

type ECharts = typeof import('echarts');
let loading: Promise<ECharts> | null = null;
function loadECharts(): Promise<ECharts> {
  loading ??= import('echarts');
  return loading;
}

export function ReportChartView(props: { option: EChartsOption; testId: string; onError?: (error: unknown) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  const [ready, setReady] = useState(false);
  const onError = useRef(props.onError);
  onError.current = props.onError;

  useEffect(() => {
    let alive = true;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (!alive || !host.current) return;
        const instance = echarts.init(host.current, null, { renderer: 'canvas' });
        chart.current = instance;
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(host.current);
        setReady(true);
      })
      .catch((error: unknown) => onError.current?.(error));
    return () => {
      alive = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    try {
      // The options carry no font (the caller's): the app's CJK font stack.
      const fontFamily = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
      chart.current.setOption({ ...props.option, textStyle: { fontFamily, ...(props.option.textStyle as object | undefined) } }, { notMerge: true });
    } catch (error) {
      onError.current?.(error);
    }
  }, [ready, props.option]);

  return <div ref={host} className="report-chart-canvas" data-testid={props.testId} data-ready={ready ? '1' : '0'} />;
}
