import { createPortal } from 'react-dom';
import { useServices, useSubject } from '../../core/services-context';
import { ApprovalDialog } from './approval-dialog';

/**
 * Shows the approval dialog while someone (a shell screen or a remote) waits for a supervisor. It
 * goes to the end of <body>, so it sits over the dialog that asked — a remote's dialogs are
 * portals to <body> too, and of two dialogs the later one is on top.
 */
export function ApprovalHost() {
  const { approvals } = useServices();
  const request = useSubject(approvals.current$);
  if (!request) return null;
  return createPortal(<ApprovalDialog key={request.id} permission={request.permission} onApproved={(approval) => request.settle(approval)} onClose={() => request.settle(null)} />, document.body);
}
