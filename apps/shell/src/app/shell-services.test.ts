import type { Approval } from '@pos/contracts';
import { aSession, aStaff } from '@pos/contracts/testing';
import { createShellServices } from './shell-services';

// The federation runtime and single-spa are not exercised here: only the host API the shell hands remotes.
jest.mock('@module-federation/enhanced/runtime', () => ({ loadRemote: jest.fn(), registerRemotes: jest.fn(), satisfy: jest.fn(() => true) }));
jest.mock('single-spa', () => ({ registerApplication: jest.fn(), unregisterApplication: jest.fn() }));

const session = aSession({
  token: 'tkn',
  expiresAt: '2999-01-01T00:00:00.000Z',
  staff: aStaff({ id: 's-anna', name: 'Анна', role: 'waiter' }),
  permissions: ['orders.view'],
});
const approval = { id: 'a1', token: 't', permission: 'payments.refund', approver: { id: 's1', name: 'Григорий' }, expiresAt: '2999-01-01T00:02:00.000Z' } as Approval;

describe('the host API the shell gives remotes', () => {
  beforeEach(() => localStorage.setItem('pos.session', JSON.stringify(session)));
  afterEach(() => localStorage.clear());

  it("requestApproval opens the shell's approval dialog and answers what the supervisor did", async () => {
    const services = createShellServices();
    const answer = services.host().requestApproval('payments.refund');
    expect(services.approvals.current$.value?.permission).toBe('payments.refund');
    services.approvals.current$.value!.settle(approval);
    await expect(answer).resolves.toBe(approval);
  });

  it('a sign-out answers an open request with null', async () => {
    const services = createShellServices();
    const answer = services.host().requestApproval('orders.void');
    services.signOut();
    await expect(answer).resolves.toBeNull();
    expect(services.approvals.current$.value).toBeNull();
  });
});
