import type { ApprovablePermission, Approval } from '@pos/contracts';
import { BehaviorSubject } from 'rxjs';

/** One open request for a supervisor's approval: what it is for, and how it ends. */
export interface ApprovalRequest {
  /** Tells one request from the next (a dialog starts afresh for each). */
  id: number;
  permission: ApprovablePermission;
  /** Ends the request: the approval, or null when it was cancelled. */
  settle(approval: Approval | null): void;
}

/**
 * The host's queue of one: `request(permission)` opens the approval dialog (whoever watches
 * `current$`) and resolves when the supervisor has approved or the dialog was closed. A request
 * made while another is open replaces it; the older one resolves null.
 */
export class ApprovalRequests {
  readonly current$ = new BehaviorSubject<ApprovalRequest | null>(null);
  private lastId = 0;

  request(permission: ApprovablePermission): Promise<Approval | null> {
    this.current$.value?.settle(null);
    return new Promise((resolve) => {
      let isSettled = false;
      const request: ApprovalRequest = {
        id: ++this.lastId,
        permission,
        settle: (approval) => {
          if (isSettled) return;
          isSettled = true;
          if (this.current$.value === request) this.current$.next(null);
          resolve(approval);
        },
      };
      this.current$.next(request);
    });
  }

  /** Sign-out and the like: whatever was asked is no longer wanted. */
  cancel(): void {
    this.current$.value?.settle(null);
  }
}
