export function CustomersPage() {
  return <div className="page"><h1>CustomersPage</h1></div>;
}
