// What the printed forms of DOMAIN §7–8 share: the head (company, who printed it and when), blank
// signature boxes for the paper copy, the footer, and their CSS.
import { formatTimestamp } from '../../../shared/dates';
import { wallClock } from '../policy/time';
import { esc } from './html';

export interface PrintHead {
  companyName: string;
  /** When and by whom it was printed (the footer): "2026-11-23 12:00", a display name. */
  printedAt: string;
  printedBy: string;
}

/**
 * A stored timestamp on paper ("2026-11-23 09:30"), '' for none. One written with the office's
 * offset (+08:00, as the rules judge it) shows that wall clock, whatever the printing computer's
 * zone; a UTC one (…Z, as approvals store them) the computer's local time.
 */
export function when(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return iso ?? '';
  if (/Z$/i.test(iso)) return formatTimestamp(iso);
  const { date, time } = wallClock(iso);
  return `${date} ${time}`;
}

/** Blank boxes to sign in, one per label, each with a 年月日 line. */
export function signBoxes(labels: string[]): string {
  const boxes = labels
    .map((l) => `<div class="sign-box" data-sign="${esc(l)}"><div class="label">${esc(l)}：</div><div class="date">年　　月　　日</div></div>`)
    .join('');
  return `<div class="sign-boxes" style="grid-template-columns: repeat(${labels.length}, 1fr)">${boxes}</div>`;
}

/** The form's number on the left, who printed it and when on the right. */
export function printFooter(no: string, head: PrintHead, extra = ''): string {
  return `<div class="footer"><span>${esc(no)}${extra ? `　${esc(extra)}` : ''}</span><span>打印：${esc(head.printedBy)} ${esc(head.printedAt)}</span></div>`;
}

export const HR_CSS = `
.hr table { table-layout: fixed; }
.hr td { overflow-wrap: anywhere; }
.hr h1 { letter-spacing: 4pt; }
.hr .section { margin-top: 2mm; }
.hr .section-title { font-weight: 600; margin: 0 0 0.8mm; }
.hr .form th { text-align: left; }
.hr .sign-off { break-inside: avoid; page-break-inside: avoid; }
.hr .sign-boxes { display: grid; gap: 2.5mm; margin-top: 2.5mm; }
.hr .sign-box { border: 0.6pt solid #000; display: flex; flex-direction: column; justify-content: space-between; padding: 1mm 1.5mm; }
.hr .sign-box .label { font-weight: 600; }
.hr .sign-box .date { text-align: right; font-size: 0.85em; color: #333; }
.hr .footer span:last-child { text-align: right; }
.hr .ok { color: #000; }
.hr .late { font-weight: 700; }
.a5.hr { line-height: 1.28; }
.a5.hr h1 { font-size: 13pt; margin-bottom: 0.5mm; }
.a5.hr .section { margin-top: 1.5mm; }
.a5.hr .sign-boxes { margin-top: 2mm; }
.a5.hr .sign-box { height: 11mm; }
.a4.hr { font-size: 9.5pt; }
.a4.hr .section { margin-top: 4mm; }
.a4.hr .sign-boxes { margin-top: 6mm; }
.a4.hr .sign-box { height: 22mm; }
`;
