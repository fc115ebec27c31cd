// Printed forms are HTML pages made by the core: the same page goes to the printer from Electron,
// to the browser preview's print view, and to PDF from the CLI (Chromium). A4 portrait, A5
// landscape (slips) or A4 landscape (the attendance sheet), Chinese fonts first.

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Fonts that have the Chinese glyphs on Windows, macOS and Debian (fonts-noto-cjk). */
export const PRINT_FONTS = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif`;

/** The paper a form is printed on: A4 portrait, or A5 landscape (half an A4 sheet, same width). */
export type Paper = 'a4' | 'a5';
/** Every page a printed document may have: the papers above, or A4 landscape (a wide grid). */
export type SheetPaper = Paper | 'a4-landscape';

/** What differs per paper: the page, the sheet on screen, and a denser type on the small A5. */
const PAPER_CSS: Record<SheetPaper, string> = {
  a4: `
@page { size: A4; margin: 12mm 12mm 14mm; }
@media screen { .sheet { width: 210mm; min-height: 297mm; padding: 12mm; } }
`,
  a5: `
@page { size: A5 landscape; margin: 7mm 9mm 7mm; }
body { font-size: 9pt; }
h1 { font-size: 14pt; margin-bottom: 1mm; }
.company { font-size: 10.5pt; margin-bottom: 0.5mm; }
th, td { padding: 0.8mm 1.2mm; }
.meta { margin: 1.5mm 0; gap: 0.6mm 4mm; }
.footer { margin-top: 1.5mm; font-size: 7.5pt; }
@media screen { .sheet { width: 210mm; min-height: 148mm; padding: 7mm 9mm; } }
`,
  'a4-landscape': `
@page { size: A4 landscape; margin: 8mm 8mm 8mm; }
body { font-size: 8.5pt; }
h1 { font-size: 14pt; margin-bottom: 1mm; }
.company { font-size: 10.5pt; margin-bottom: 0.5mm; }
@media screen { .sheet { width: 297mm; min-height: 210mm; padding: 8mm; } }
`,
};

const BASE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${PRINT_FONTS}; font-size: 10.5pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { page-break-after: always; break-after: page; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; letter-spacing: 2pt; }
.company { text-align: center; font-size: 12pt; margin-bottom: 1mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.6pt solid #000; padding: 1.3mm 1.6mm; vertical-align: top; }
th { background: #eee; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1mm 6mm; margin: 3mm 0; }
.meta div { overflow-wrap: anywhere; }
.meta .wide { grid-column: span 2; }
.meta b { font-weight: 600; }
.muted { color: #444; }
.signatures { display: grid; grid-template-columns: repeat(5, 1fr); gap: 4mm; margin-top: 8mm; }
.signatures div { border-bottom: 0.6pt solid #000; padding-bottom: 8mm; }
.footer { margin-top: 3mm; font-size: 8.5pt; color: #333; display: flex; justify-content: space-between; }
@media screen { body { background: #888; } .sheet { background: #fff; margin: 8mm auto; box-shadow: 0 2px 8px rgba(0,0,0,.3); } }
`;

/** A whole printable document: one or more `.sheet` pages on A4 (default), A5 landscape or A4 landscape. */
export function printDocument(title: string, sheets: string[], extraCss = '', paper: SheetPaper = 'a4'): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${BASE_CSS}${PAPER_CSS[paper]}${extraCss}</style>
</head>
<body>
${sheets.join('\n')}
</body>
</html>`;
}
