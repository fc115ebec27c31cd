// PLACEHOLDER (contract): a UI helper builds this page.
export function ReportPage() {
  return <div className="page">…</div>;
}
