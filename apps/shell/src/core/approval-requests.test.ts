import type { Approval } from '@pos/contracts';
import { ApprovalRequests } from './approval-requests';

const approval = { id: 'a1', token: 't', permission: 'orders.void', approver: { id: 's1', name: 'Сергей' }, expiresAt: '2026-01-01T12:02:00Z' } as Approval;

describe('ApprovalRequests', () => {
  it('opens a request and resolves it with the approval, then closes it', async () => {
    const requests = new ApprovalRequests();
    const answer = requests.request('orders.void');
    expect(requests.current$.value?.permission).toBe('orders.void');
    requests.current$.value!.settle(approval);
    await expect(answer).resolves.toBe(approval);
    expect(requests.current$.value).toBeNull();
  });

  it('resolves null when cancelled, and only once', async () => {
    const requests = new ApprovalRequests();
    const answer = requests.request('payments.refund');
    const request = requests.current$.value!;
    requests.cancel();
    request.settle(approval);
    await expect(answer).resolves.toBeNull();
    expect(requests.current$.value).toBeNull();
  });

  it('lets a newer request replace an unanswered one, which resolves null', async () => {
    const requests = new ApprovalRequests();
    const first = requests.request('orders.void');
    const firstId = requests.current$.value!.id;
    const second = requests.request('payments.refund');
    await expect(first).resolves.toBeNull();
    expect(requests.current$.value).toMatchObject({ permission: 'payments.refund' });
    expect(requests.current$.value!.id).not.toBe(firstId);
    requests.current$.value!.settle(approval);
    await expect(second).resolves.toBe(approval);
  });
});
