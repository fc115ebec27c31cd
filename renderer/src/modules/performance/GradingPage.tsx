// PLACEHOLDER (contract): a UI helper builds this page.
export function GradingPage() {
  return <div className="page">…</div>;
}
