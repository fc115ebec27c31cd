import { defineMessages } from '../i18n';

/** Texts of the shared grid pieces (enum filter, column chooser, the grid tools). */
export const useGridMessages = defineMessages({
  zh: {
    selectAll: '全选',
    clear: '清空',
    noneSelected: '未选任何项：不显示任何行',
    columns: '列设置',
    columnsTitle: '显示哪些列',
    resetColumns: '恢复默认列',
    showAll: '全部显示',
    close: '关闭',
    refresh: '刷新',
  },
  en: {
    selectAll: 'Select all',
    clear: 'Clear',
    noneSelected: 'Nothing selected: no rows are shown',
    columns: 'Columns',
    columnsTitle: 'Columns to show',
    resetColumns: 'Reset columns',
    showAll: 'Show all',
    close: 'Close',
    refresh: 'Refresh',
  },
});
