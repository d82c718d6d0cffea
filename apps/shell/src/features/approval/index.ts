export { ApprovalHost } from './approval-host';
export { ApprovalRequests } from './approval-requests';
export type { ApprovalRequest } from './approval-requests';
export { approvalTexts } from './texts';
