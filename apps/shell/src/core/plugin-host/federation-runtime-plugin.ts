import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';

/** Marker module returned when a remote cannot be loaded; the plugin host shows a placeholder. */
export interface FailedRemote {
  __failedRemote: true;
  id: string;
  reason: string;
}

/** What the venue's registry says about a remote: where its build lives and its entry's sha384. */
export interface RegisteredRemote {
  name: string;
  manifestUrl: string;
  integrity?: string;
}

interface Trust {
  /** The manifest's folder: every file of the remote must come from under it, on its origin. */
  folder: URL;
  /** SRI of the entry script, or null when the registry has none (the remote is refused). */
  integrity: string | null;
}

const SRI_SHA384 = /^sha384-[A-Za-z0-9+/]{64}$/;
const TRUST_KEY = Symbol.for('pos.plugin-host.remote-trust');

/**
 * The registry as the runtime plugin sees it. Kept on globalThis so the plugin host and the
 * runtime plugin (bundled into the federation runtime by the build) share one table whatever
 * chunk each of them lands in.
 */
function trustTable(): Map<string, Trust> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Trust> | undefined>;
  return (holder[TRUST_KEY] ??= new Map());
}

const baseUrl = () => (typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href) ?? 'http://localhost/';

/**
 * Records the registry entries the plugin host is about to register with the federation runtime:
 * only these remotes load, only from their manifest's folder, and only with their entry's hash.
 */
export function trustRemotes(remotes: RegisteredRemote[]): void {
  for (const remote of remotes) {
    const manifest = new URL(remote.manifestUrl, baseUrl());
    const integrity = remote.integrity && SRI_SHA384.test(remote.integrity) ? remote.integrity : null;
    trustTable().set(remote.name, { folder: new URL('./', manifest), integrity });
  }
}

/** A remote the registry no longer lists: nothing of it loads any more. */
export function distrustRemote(name: string): void {
  trustTable().delete(name);
}

/** Why a remote is refused; the message ends up as the placeholder's reason. */
export class RemoteRefusedError extends Error {
  constructor(name: string, why: string) {
    super(`remote ${name} refused: ${why}`);
    this.name = 'RemoteRefusedError';
  }
}

function resolve(url: string): URL | null {
  try {
    return new URL(url, baseUrl());
  } catch {
    return null;
  }
}

function insideFolder(url: string, trust: Trust): boolean {
  const resolved = resolve(url);
  return resolved !== null && resolved.origin === trust.folder.origin && resolved.pathname.startsWith(trust.folder.pathname);
}

function trusted(name: string): Trust {
  const trust = trustTable().get(name);
  if (!trust) throw new RemoteRefusedError(name, 'not in the venue registry');
  return trust;
}

function requireIntegrity(name: string, trust: Trust): string {
  if (!trust.integrity) throw new RemoteRefusedError(name, 'the registry has no integrity hash for its entry (not built or not published)');
  return trust.integrity;
}

/**
 * Federation runtime plugin (registered through the shell's webpack `runtimePlugins`).
 *
 * Integrity: a remote loads only as the registry pins it. `beforeLoadRemoteSnapshot` refuses a
 * remote with no hash before its manifest is even fetched; `loadRemoteSnapshot` checks the
 * manifest (no run-time public path, entry and public path inside the manifest's folder, a
 * classic-script entry); `loadEntry` refuses a remote with no hash or an entry outside its folder
 * before anything is fetched; `createScript` puts `integrity` (sha384) and `crossOrigin` on the
 * entry's script element, so the browser itself refuses a file that is not the one published,
 * and refuses any script of a remote from outside its folder. Every refusal rejects inside the
 * runtime and comes out of `errorLoadRemote` below as a failed remote: the plugin host's usual
 * isolation (one retry, placeholder, `remote.status` failed).
 *
 * Fallback: a remote that 404s or throws while loading resolves to a marker module instead of
 * rejecting deep inside the runtime, so the plugin host decides what to do.
 */
export default function posRemoteFallback(): ModuleFederationRuntimePlugin {
  return {
    name: 'pos-remote-fallback',

    beforeLoadRemoteSnapshot({ moduleInfo }) {
      // Before the manifest is fetched: a remote with no hash is refused without a request.
      const trust = trusted(moduleInfo.name);
      requireIntegrity(moduleInfo.name, trust);
      if ('entry' in moduleInfo && !insideFolder(moduleInfo.entry, trust)) throw new RemoteRefusedError(moduleInfo.name, `its manifest ${moduleInfo.entry} is outside ${trust.folder.href}`);
    },

    loadRemoteSnapshot(args) {
      const { moduleInfo, remoteSnapshot } = args;
      const trust = trusted(moduleInfo.name);
      const snapshot = remoteSnapshot as unknown as Record<string, unknown>;
      if ('getPublicPath' in snapshot) throw new RemoteRefusedError(moduleInfo.name, 'its manifest computes the public path at run time');
      const publicPath = typeof snapshot['publicPath'] === 'string' ? snapshot['publicPath'] : '';
      const remoteEntry = typeof snapshot['remoteEntry'] === 'string' ? snapshot['remoteEntry'] : '';
      const entryType = snapshot['remoteEntryType'];
      if (entryType !== undefined && entryType !== 'global' && entryType !== 'var') {
        throw new RemoteRefusedError(moduleInfo.name, `its entry is a ${String(entryType)} module, integrity needs a classic script`);
      }
      if (!insideFolder(publicPath || './', trust) || !insideFolder(`${publicPath}${remoteEntry}`, trust)) {
        throw new RemoteRefusedError(moduleInfo.name, `its manifest points outside ${trust.folder.href}`);
      }
      return args;
    },

    loadEntry({ remoteInfo }) {
      const trust = trusted(remoteInfo.name);
      if (remoteInfo.type === 'module' || remoteInfo.type === 'esm' || remoteInfo.type === 'system') {
        throw new RemoteRefusedError(remoteInfo.name, `its entry is a ${remoteInfo.type} module, integrity needs a classic script`);
      }
      if (!insideFolder(remoteInfo.entry, trust)) throw new RemoteRefusedError(remoteInfo.name, `its entry ${remoteInfo.entry} is outside ${trust.folder.href}`);
      requireIntegrity(remoteInfo.name, trust);
      return undefined; // The runtime loads it, through createScript below.
    },

    createScript({ url, attrs, remoteInfo, resourceContext }) {
      if (!remoteInfo) return undefined; // The shell's own chunks.
      const trust = trusted(remoteInfo.name);
      if (!insideFolder(url, trust)) throw new RemoteRefusedError(remoteInfo.name, `script ${url} is outside ${trust.folder.href}`);
      // Nothing of a remote without a hash runs, not even a preloaded chunk.
      const integrity = requireIntegrity(remoteInfo.name, trust);
      const isEntry = resourceContext?.resourceType === 'remoteEntry' || resolve(url)?.href === resolve(remoteInfo.entry)?.href;
      if (!isEntry) return undefined;
      const script = document.createElement('script');
      for (const [name, value] of Object.entries(attrs ?? {})) {
        if (name === 'async' || name === 'defer') script[name] = Boolean(value);
        else if (name !== 'integrity' && name !== 'crossorigin') script.setAttribute(name, String(value));
      }
      script.src = url;
      script.setAttribute('integrity', integrity);
      // SRI needs a CORS response for another origin; for this origin it changes nothing.
      script.setAttribute('crossorigin', 'anonymous');
      return script;
    },

    errorLoadRemote({ id, error, lifecycle }) {
      if (lifecycle !== 'onLoad') return undefined;
      const failed: FailedRemote = { __failedRemote: true, id, reason: error instanceof Error ? error.message : String(error) };
      return { __esModule: true, default: failed };
    },
  };
}
