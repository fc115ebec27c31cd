export function ApprovalsPage() {
  return <div className="page"><h1>ApprovalsPage</h1></div>;
}
