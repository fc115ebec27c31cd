// HTML → PDF for the command line: the printed forms the core makes, through a local Chromium
// (Debian's chromium, or SALESDESK_CHROMIUM; Edge on Windows). Electron prints the same HTML itself.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

const CANDIDATES = [
  process.env.SALESDESK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

export class NoChromiumError extends Error {
  constructor() {
    super('没有找到 Chromium/Edge，无法生成 PDF（可设置 SALESDESK_CHROMIUM 指向浏览器程序） / No Chromium or Edge found to make the PDF (set SALESDESK_CHROMIUM)');
  }
}

export function chromiumForPdf(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Renders one HTML document (A4 pages from its CSS) to a PDF file. */
export async function htmlToPdf(html: string, outFile: string): Promise<void> {
  const executablePath = chromiumForPdf();
  if (!executablePath) throw new NoChromiumError();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(outFile, pdf);
  } finally {
    await browser.close();
  }
}
