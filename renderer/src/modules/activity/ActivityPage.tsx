// PLACEHOLDER (contract): a UI helper builds this page.
export function ActivityPage() {
  return <div className="page">…</div>;
}
