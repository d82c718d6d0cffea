import type {
  CreateIntegrationInput,
  CreateWebhookEndpointInput,
  DeliveriesQuery,
  Integration,
  RotateSecretInput,
  UpdateIntegrationInput,
  UpdateWebhookEndpointInput,
  WebhookEndpoint,
} from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

/** The venue's delivery partners (`admin.integrations`). */
export function useIntegrations() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.adminIntegrations, queryFn: () => api.adminIntegrations() });
}

/** A partner's change: a new one, a rename or on/off at the version seen, or a new secret. */
export type SaveIntegration =
  | { kind: 'create'; input: CreateIntegrationInput }
  | { kind: 'update'; id: string; input: UpdateIntegrationInput }
  | { kind: 'rotate'; id: string; input: RotateSecretInput };

/** Puts the answer into the list at once (a rotated secret shows without a refetch), then refetches. */
export function useSaveIntegration() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (save: SaveIntegration): Promise<Integration> =>
      save.kind === 'create' ? api.createIntegration(save.input) : save.kind === 'update' ? api.updateIntegration(save.id, save.input) : api.rotateIntegrationSecret(save.id, save.input),
    onSuccess: (saved) => {
      queryClient.setQueryData<Integration[]>(queryKeys.adminIntegrations, (list) => (list ? (list.some((i) => i.id === saved.id) ? list.map((i) => (i.id === saved.id ? saved : i)) : [...list, saved]) : list));
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminIntegrations });
    },
  });
}

/** Where the venue's order changes go, with what waits and what died. */
export function useWebhookEndpoints() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.webhookEndpoints, queryFn: () => api.webhookEndpoints() });
}

export type SaveEndpoint =
  | { kind: 'create'; input: CreateWebhookEndpointInput }
  | { kind: 'update'; id: string; input: UpdateWebhookEndpointInput }
  | { kind: 'rotate'; id: string; input: RotateSecretInput };

export function useSaveEndpoint() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (save: SaveEndpoint): Promise<WebhookEndpoint> =>
      save.kind === 'create' ? api.createWebhookEndpoint(save.input) : save.kind === 'update' ? api.updateWebhookEndpoint(save.id, save.input) : api.rotateWebhookEndpointSecret(save.id, save.input),
    onSuccess: (saved) => {
      queryClient.setQueryData<WebhookEndpoint[]>(queryKeys.webhookEndpoints, (list) => (list ? (list.some((e) => e.id === saved.id) ? list.map((e) => (e.id === saved.id ? saved : e)) : [...list, saved]) : list));
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints });
    },
  });
}

/** Removes an endpoint: its waiting messages die, so the log is fetched again too. */
export function useDeleteEndpoint() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (id: string) => api.deleteWebhookEndpoint(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'deliveries'] });
    },
  });
}

/** One page of the delivery log; the page shown stays while the next loads. */
export function useDeliveries(query: Partial<DeliveriesQuery>) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.deliveries(query), queryFn: () => api.deliveries(query), placeholderData: keepPreviousData });
}

/** One message with its payload and attempts. */
export function useDelivery(id: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.delivery(id), queryFn: () => api.delivery(id) });
}

/** Sends a message again; the log, the message and the endpoints' counts are fetched again. */
export function useRedeliver() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (id: string) => api.redeliver(id),
    onSuccess: (delivery) => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'deliveries'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.delivery(delivery.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints });
    },
  });
}
