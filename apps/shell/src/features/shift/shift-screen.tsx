export function ShiftScreen() {
  return <div data-testid="shift-screen" />;
}
