// Charts on paper: an ECharts option (shared/reportCharts.ts) rendered in the core to an SVG string
// by ECharts' server-side renderer, no DOM and no canvas. The same HTML then goes to the printer,
// the browser preview and the CLI's PDF. Fonts are the printed forms' CJK stack; no animation.
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { PRINT_FONTS } from './html';

// ECharts is loaded on the first chart, not with the core: every CLI command and the app's start-up
// open the core, and only the printed monthly report draws charts.
const requireModule = createRequire(import.meta.url);
let echartsModule: typeof import('echarts') | null = null;
const echarts = () => (echartsModule ??= requireModule('echarts') as typeof import('echarts'));

/** The print fonts in single quotes: ECharts writes them into a double-quoted style attribute unescaped. */
const SVG_FONTS = PRINT_FONTS.replace(/"/g, "'");

/** The option as an `<svg>` of width × height (px), drawn at once with the print fonts. */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, textStyle: { ...(option.textStyle ?? {}), fontFamily: SVG_FONTS } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
