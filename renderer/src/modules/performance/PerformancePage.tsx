// PLACEHOLDER (contract): a UI helper builds this page.
export function PerformancePage() {
  return <div className="page">…</div>;
}
