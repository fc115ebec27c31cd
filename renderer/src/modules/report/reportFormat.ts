// How the report's figures are shown: money in yuan, ratios as percentages ("—" when undefined),
// quantities with up to three decimals; and saving an exported file the core made.
import { formatFen } from '../../../../shared/money';
import { formatRatio, REPORT_COLUMNS, type ExportedFile, type ReportFigures } from '../../../../shared/report';

export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type ReportField = ReportColumn['field'];

const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A figure as the table shows it (money in yuan without the sign, to keep the columns narrow). */
export function formatCell(column: ReportColumn, figures: ReportFigures): string {
  const value = figures[column.field];
  if (column.kind === 'ratio') return formatRatio(value as number | null);
  if (value === null) return '—';
  if (column.kind === 'fen') return formatFen(value as number);
  if (column.kind === 'quantity') return quantityFormat.format(value as number);
  return String(value);
}

export function formatQuantityValue(value: number): string {
  return quantityFormat.format(value);
}

/** Sorts rows by a column (nulls last either way), names in Chinese order for the name column. */
export function sortRows(rows: readonly ReportFigures[], field: ReportField | 'name', dir: 'asc' | 'desc'): ReportFigures[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (field === 'name') return sign * a.name.localeCompare(b.name, 'zh-CN');
    const x = a[field];
    const y = b[field];
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * ((x as number) - (y as number));
  });
}

/** Saves a file the core made (base64) through the browser's download, under its own name. */
export function downloadFile(file: ExportedFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

