import { ApiError } from '@pos/api-client';
import type { KitchenTicket, TicketStatus } from '@pos/contracts';
import { type QueryClient, useMutation, useMutationState } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services-context';
import { applyBump, type Bump, replaceTicket, restoreTicket } from './ticket-rules';

export const BUMP_MUTATION_KEY = ['kitchen', 'bump'] as const;
/** Every ticket list in the cache (all stations), whatever screen asked for it. */
const TICKET_LISTS = { queryKey: ['tickets'] };

export interface BumpVariables {
  /** The ticket as the cook saw it: its version goes with the command. */
  ticket: KitchenTicket;
  status: TicketStatus;
}

const patchLists = (queryClient: QueryClient, patch: (list: KitchenTicket[]) => KitchenTicket[]) =>
  queryClient.setQueriesData<KitchenTicket[]>(TICKET_LISTS, (list) => (list ? patch(list) : list));

/**
 * Moves a ticket to another status at once on screen (the cache is patched before the server
 * answers) and rolls it back when the server refuses. Bumps of one ticket run one after another
 * (a mutation scope per ticket), so a fast double bump reaches the server in order.
 */
export function useBumpTicket(ticketId: string) {
  const { api, queryClient, bus } = useServices();
  const { t } = useTranslation('kitchen');
  return useMutation({
    mutationKey: BUMP_MUTATION_KEY,
    scope: { id: `kitchen-ticket:${ticketId}` },
    mutationFn: ({ ticket, status }: BumpVariables) => api.bumpTicket(ticket.id, status, ticket.version),
    onMutate: async ({ ticket, status }: BumpVariables) => {
      // A refetch already on its way would bring back the old status over the optimistic one.
      await queryClient.cancelQueries(TICKET_LISTS);
      patchLists(queryClient, (list) => applyBump(list, { ticketId: ticket.id, status }, new Date().toISOString()));
      return { before: ticket };
    },
    onSuccess: (saved) => patchLists(queryClient, (list) => replaceTicket(list, saved)),
    onError: (error, { ticket }, context) => {
      if (context) patchLists(queryClient, (list) => restoreTicket(list, context.before));
      bus.emit('notification.toast', { kind: 'error', message: bumpFailureMessage(t, error, ticket.number) });
      void queryClient.invalidateQueries(TICKET_LISTS);
    },
  });
}

/** What the cook reads when a bump did not go through. */
export function bumpFailureMessage(t: TFunction<'kitchen'>, error: unknown, number: number): string {
  if (error instanceof ApiError) {
    if (error.code === 'ticket.version_conflict') return t('errors.versionConflict', { number });
    if (error.code === 'ticket.illegal_transition') return t('errors.illegalTransition', { number });
    if (error.status === 0) return t('errors.offline', { number });
  }
  return t('errors.bumpFailed', { number, message: error instanceof Error ? error.message : String(error) });
}

/**
 * The list with the bumps still in flight applied: a refetch triggered by another screen's bump
 * can land while ours is pending, and the cook must not see the ticket jump back and forth.
 */
export function useWithPendingBumps(tickets: KitchenTicket[] | undefined): KitchenTicket[] | undefined {
  const pending = useMutationState({
    filters: { mutationKey: BUMP_MUTATION_KEY, status: 'pending' },
    select: (mutation) => mutation.state.variables as BumpVariables | undefined,
  });
  return useMemo(() => {
    if (!tickets) return tickets;
    const at = new Date().toISOString();
    return pending.reduce<KitchenTicket[]>(
      (list, v) => (v ? applyBump(list, { ticketId: v.ticket.id, status: v.status } satisfies Bump, at) : list),
      tickets,
    );
  }, [tickets, pending]);
}
