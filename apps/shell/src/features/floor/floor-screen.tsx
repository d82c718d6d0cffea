export function FloorScreen() {
  return <div data-testid="floor-screen" />;
}
