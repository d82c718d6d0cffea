import { useServices, useSubject } from '../../app/services-context';
import { ApprovalDialog } from './approval-dialog';

/** Shows the approval dialog while someone (a shell screen or a remote) waits for a supervisor. */
export function ApprovalHost() {
  const { approvals } = useServices();
  const request = useSubject(approvals.current$);
  if (!request) return null;
  return <ApprovalDialog key={request.id} permission={request.permission} onApproved={(approval) => request.settle(approval)} onClose={() => request.settle(null)} />;
}
