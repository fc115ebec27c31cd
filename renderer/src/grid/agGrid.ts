// AG Grid for every grid of the app: Community modules registered once, one theme matching
// app.css (brand blue, Chinese fonts, compact rows) and the grid's own texts in the active language.
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import type { Lang } from '../i18n';

// Without the filter modules registered, column filters fail with AG Grid error #200.
ModuleRegistry.registerModules([AllCommunityModule]);

/** Same font stack as app.css's --font, so Chinese never falls back to boxes or a different face. */
const FONT_STACK = ['Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', 'system-ui', 'sans-serif'];

export const gridTheme = themeQuartz.withParams({
  accentColor: '#1d5fa8',
  foregroundColor: '#1f2933',
  backgroundColor: '#ffffff',
  borderColor: '#d9e0e7',
  headerBackgroundColor: '#f8fafc',
  headerTextColor: '#66788a',
  headerFontWeight: 600,
  selectedRowBackgroundColor: '#e7f0fa',
  fontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 13,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 6,
  borderRadius: 4,
  wrapperBorderRadius: 8,
  browserColorScheme: 'light',
});

/** AG Grid's own texts (filter menus, loading, "no rows") in the app's language. */
export function gridLocaleText(lang: Lang): Record<string, string> {
  return lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN;
}
