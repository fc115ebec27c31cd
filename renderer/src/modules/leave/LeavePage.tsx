export function LeavePage() {
  return null;
}
