import type { PromotionInput, PromotionRule, PromotionSettings } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

/** The venue's rules, as Admin edits them (every rule, switched off ones too). */
export function useAdminPromotions() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.adminPromotions, queryFn: () => api.adminPromotions() });
}

/** A save of the form: a new rule, or a change quoting the version it saw (409 when stale). */
export type SavePromotion = { id: null; input: PromotionInput } | { id: string; version: number; input: PromotionInput };

/** Creates or changes a rule; the list is fetched again, and the till's active list too. */
export function useSavePromotion() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (save: SavePromotion): Promise<PromotionRule> => (save.id === null ? api.createPromotion(save.input) : api.updatePromotion(save.id, { ...save.input, version: save.version })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminPromotions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activePromotions });
    },
  });
}

export function useDeletePromotion() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (id: string) => api.deletePromotion(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminPromotions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activePromotions });
    },
  });
}

/** How several matching exclusive rules compete in this venue. */
export function usePromotionSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.promotionSettings, queryFn: () => api.promotionSettings() });
}

export function useSavePromotionSettings() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (settings: PromotionSettings) => api.savePromotionSettings(settings),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.promotionSettings, settings),
  });
}
