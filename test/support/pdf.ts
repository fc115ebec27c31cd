// The print tests' look at a PDF through poppler-utils: its pages and paper size (pdfinfo), its text
// (pdftotext: real glyphs, not boxes) and its pages as PNGs in test-results/ for a person to look at
// (pdftoppm). Tests that need them skip when Chromium or poppler is missing (havePdfTools).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromiumForPdf } from '../../electron/cli/pdf';

/** Where the rendered pages go (test-results/ at the repository root). */
export const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

/** Chromium to print with and pdfinfo (poppler-utils) to check the result are both installed. */
export const havePdfTools =
  !!chromiumForPdf() &&
  (() => {
    try {
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

/** A PDF's page count and (first) page size in points, by pdfinfo. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Expects the page size `widthMm` × `heightMm` (to the millimetre). */
export function expectPaper(info: { width: number; height: number }, widthMm: number, heightMm: number): void {
  expect(info.width).toBeCloseTo(widthMm * MM, 0);
  expect(info.height).toBeCloseTo(heightMm * MM, 0);
}

/** The PDF's text by pdftotext; `layout` keeps the columns in place (a table's rows stay on one line). */
export function pdfText(file: string, options: { layout?: boolean } = {}): string {
  return execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

/** The PDF's pages as test-results/PREFIX-N.png at `dpi` (older PREFIX-* files removed first); the PNGs' names. */
export function pdfToPngs(file: string, prefix: string, dpi: number): string[] {
  mkdirSync(RESULTS, { recursive: true });
  for (const old of readdirSync(RESULTS).filter((f) => f.startsWith(`${prefix}-`))) rmSync(join(RESULTS, old));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(RESULTS, prefix)]);
  return readdirSync(RESULTS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
}
