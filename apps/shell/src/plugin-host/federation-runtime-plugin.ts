import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';

/** Marker module returned when a remote cannot be loaded; the plugin host shows a placeholder. */
export interface FailedRemote {
  __failedRemote: true;
  id: string;
  reason: string;
}

/**
 * Federation runtime plugin: a remote that 404s or throws while loading resolves to a marker
 * module instead of rejecting deep inside the runtime, so the plugin host decides what to do.
 */
export default function posRemoteFallback(): ModuleFederationRuntimePlugin {
  return {
    name: 'pos-remote-fallback',
    errorLoadRemote({ id, error, lifecycle }) {
      if (lifecycle !== 'onLoad') return undefined;
      const failed: FailedRemote = { __failedRemote: true, id, reason: error instanceof Error ? error.message : String(error) };
      return { __esModule: true, default: failed };
    },
  };
}
