export function OrderScreen({ orderId }: { orderId: string }) {
  return <div data-testid="order-screen" data-order={orderId} />;
}
