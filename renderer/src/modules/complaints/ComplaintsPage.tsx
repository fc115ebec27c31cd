export function ComplaintsPage() {
  return null;
}
