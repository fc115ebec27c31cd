export function AttendancePage() {
  return null;
}
