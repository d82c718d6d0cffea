import type { PosApi } from '@pos/api-client';
import type { LoginResult } from '@pos/contracts';
import type { EventBus } from '@pos/event-bus';
import type { I18n } from '@pos/i18n';
import type { Connectivity, HostApi } from '@pos/plugin-sdk';
import type { QueryClient } from '@tanstack/react-query';
import type { BehaviorSubject } from 'rxjs';
import type { ApprovalRequests } from './approval-requests';
import type { ShellOffline } from './offline';
import type { PluginHost } from './plugin-host/plugin-host';

export const REMOTE_OUTLET_ID = 'pos-remote-outlet';

/**
 * The shell's singletons: one bus, one api client, one QueryClient, one i18n, one plugin host.
 * The session is a stream so the UI, the socket and the plugin host follow sign-in and sign-out.
 */
export interface ShellServices {
  bus: EventBus;
  api: PosApi;
  queryClient: QueryClient;
  i18n: I18n;
  pluginHost: PluginHost;
  offline: Promise<ShellOffline>;
  session$: BehaviorSubject<LoginResult | null>;
  connectivity$: BehaviorSubject<Connectivity>;
  /** Requests for a supervisor's inline approval (`HostApi.requestApproval`), shown by `ApprovalHost`. */
  approvals: ApprovalRequests;
  host(): HostApi;
  signIn(session: LoginResult): void;
  signOut(): void;
  /** The first screen (PIN pad or, after a reload, the signed-in frame) is on screen. */
  screenShown(): void;
}
