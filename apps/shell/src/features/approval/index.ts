export { ApprovalHost } from './approval-host';
export { ApprovalRequests } from '../../core/approval-requests';
export type { ApprovalRequest } from '../../core/approval-requests';
export { approvalTexts } from './texts';
