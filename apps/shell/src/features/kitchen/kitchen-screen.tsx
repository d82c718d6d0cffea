export function KitchenScreen() {
  return <div data-testid="kitchen-screen" />;
}
