import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ApiConfig } from '../../config';
import { type Db } from '../../shared/command';
import { DomainError, invalid } from '../../shared/errors';

/**
 * Where remotes may come from and how the registry pins them (issue 13).
 *
 * - A manifest URL is a path on this server under /remotes/<name>/ (read from the web root), or
 *   an http(s) URL on an origin listed in REMOTE_ORIGINS, also under /remotes/<name>/. It ends in
 *   mf-manifest.json. The contract already refuses anything not in normal form (`..`, `//host`,
 *   backslashes, %-escapes, query, fragment); this adds the venue's rule: which origin, which folder.
 * - The entry the manifest names (publicPath + remoteEntry) must resolve inside the manifest's
 *   folder, be a classic script (SRI applies to it) and not compute its public path at run time.
 * - Its sha384 in SRI form is what the shell puts on the script element: a file that changes
 *   after publishing no longer loads.
 */
export type RemoteSource = Pick<ApiConfig, 'webRoot' | 'remoteOrigins'>;

const FIELD = 'body.manifestUrl';
const MANIFEST_FILE = 'mf-manifest.json';
/** The base that paths served by this API resolve against (never fetched). */
const THIS_SERVER = 'http://this-server.invalid';
const SAFE_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_ENTRY_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

const refused = (message: string, code = 'remote.manifest_url_not_allowed') => invalid(FIELD, message, code);

export interface ManifestLocation {
  /** The manifest as an absolute URL (paths on this server resolve against THIS_SERVER). */
  url: URL;
  /** True when the files are read from the web root rather than fetched. */
  local: boolean;
}

/** The venue's rule for a remote's manifest URL; a 400 at body.manifestUrl when it is broken. */
export function checkManifestUrl(name: string, manifestUrl: string, source: RemoteSource): ManifestLocation {
  const folder = `/remotes/${name}/`;
  const underFolder = (pathname: string) => SAFE_PATH.test(pathname) && pathname.startsWith(folder) && pathname.endsWith(`/${MANIFEST_FILE}`);
  if (manifestUrl.startsWith('/')) {
    if (!underFolder(manifestUrl)) throw refused(`Must be a path under ${folder} ending in ${MANIFEST_FILE}`);
    return { url: new URL(manifestUrl, THIS_SERVER), local: true };
  }
  let url: URL;
  try {
    url = new URL(manifestUrl);
  } catch {
    throw refused('Must be a path on this server or an http(s) URL');
  }
  if (`${url.origin}${url.pathname}` !== manifestUrl || url.username || url.password) throw refused('Must be a URL in normal form, without user, query or fragment');
  if (!source.remoteOrigins.includes(url.origin)) {
    throw refused(`Remotes load from this server only${source.remoteOrigins.length ? ` or ${source.remoteOrigins.join(', ')}` : ''}: ${url.origin} is not allowed`);
  }
  if (!underFolder(url.pathname)) throw refused(`Must be under ${url.origin}${folder} and end in ${MANIFEST_FILE}`);
  return { url, local: false };
}

/** The runtime's own join of remoteEntry.path and .name (@module-federation/sdk simpleJoinRemoteEntry). */
function joinRemoteEntry(entryPath: string | undefined, entryName: string): string {
  if (!entryPath || entryPath === '.') return entryName;
  let p = entryPath.startsWith('./') ? entryPath.slice(2) : entryPath.startsWith('/') ? entryPath.slice(1) : entryPath;
  if (entryPath.startsWith('/') && p.endsWith('/')) p = p.slice(0, -1);
  if (!p) return entryName;
  return p.endsWith('/') ? `${p}${entryName}` : `${p}/${entryName}`;
}

/**
 * The entry script a manifest names, resolved as the federation runtime resolves it
 * (`publicPath` + remoteEntry; `auto` = the manifest's folder). Refused unless it lies inside the
 * manifest's folder on the same origin and is a classic script.
 */
export function entryUrlOf(manifest: unknown, manifestUrl: URL): URL {
  const meta = (manifest as { metaData?: Record<string, unknown> } | null)?.metaData;
  const remoteEntry = meta?.remoteEntry as { name?: unknown; path?: unknown; type?: unknown } | undefined;
  if (!meta || typeof meta !== 'object' || !remoteEntry || typeof remoteEntry.name !== 'string' || !remoteEntry.name) {
    throw refused('The manifest is not a federation manifest (no metaData.remoteEntry)', 'remote.manifest_invalid');
  }
  if ('getPublicPath' in meta) throw refused('A manifest that computes its public path at run time is not accepted', 'remote.manifest_invalid');
  if (remoteEntry.type !== undefined && remoteEntry.type !== 'global' && remoteEntry.type !== 'var') {
    throw refused(`The entry must be a classic script (type global), not ${String(remoteEntry.type)}`, 'remote.manifest_invalid');
  }
  const folder = new URL('./', manifestUrl);
  const publicPath = meta.publicPath === undefined || meta.publicPath === 'auto' || meta.publicPath === '' ? folder.href : meta.publicPath;
  // The runtime concatenates publicPath and the entry and the browser resolves that against the
  // page: only an absolute URL (or, for a build on this server, an absolute path) means the same here.
  const isAbsolute = typeof publicPath === 'string' && (/^https?:\/\//.test(publicPath) || (manifestUrl.origin === THIS_SERVER && /^\/(?!\/)/.test(publicPath)));
  if (!isAbsolute) throw refused('The manifest has no usable publicPath (auto, or an absolute URL)', 'remote.manifest_invalid');
  const entryPath = typeof remoteEntry.path === 'string' ? remoteEntry.path : undefined;
  let entry: URL;
  try {
    entry = new URL(`${publicPath}${joinRemoteEntry(entryPath, remoteEntry.name)}`, manifestUrl);
  } catch {
    throw refused('The entry the manifest names is not a URL', 'remote.entry_outside_folder');
  }
  if (entry.origin !== folder.origin || !entry.pathname.startsWith(folder.pathname) || !SAFE_PATH.test(entry.pathname) || entry.search || entry.hash) {
    throw refused(`The entry the manifest names (${entry.href.replace(THIS_SERVER, '')}) is outside ${folder.href.replace(THIS_SERVER, '')}`, 'remote.entry_outside_folder');
  }
  return entry;
}

/** SRI form of a sha384: what a script element's `integrity` takes. */
export const sri384 = (bytes: Uint8Array) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

async function readLocal(source: RemoteSource, name: string, url: URL, what: string): Promise<Buffer> {
  const folder = path.resolve(source.webRoot, 'remotes', name);
  const file = path.resolve(source.webRoot, `.${url.pathname}`);
  if (!file.startsWith(folder + path.sep)) throw refused(`The ${what} is outside the remote's folder`, 'remote.entry_outside_folder');
  try {
    return await fs.readFile(file);
  } catch {
    throw refused(`No build at ${url.pathname}: ${what} not found on this server`, 'remote.build_not_found');
  }
}

async function fetchBytes(url: URL, what: string, maxBytes: number): Promise<Buffer> {
  let res: Response;
  try {
    // A redirect could leave the allowed origin: refused, as the shell would load what it points at.
    res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw refused(`Could not fetch the ${what} at ${url.href}: ${error instanceof Error ? error.message : String(error)}`, 'remote.build_not_found');
  }
  if (!res.ok) throw refused(`The ${what} at ${url.href} answered ${res.status}`, 'remote.build_not_found');
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw refused(`The ${what} at ${url.href} is larger than ${maxBytes} bytes`, 'remote.manifest_invalid');
  return bytes;
}

/**
 * The SRI sha384 of the entry script a remote's manifest names: read from the web root for paths
 * on this server, fetched for an allowed external origin. Throws a 400 (body.manifestUrl) when
 * the URL is not allowed, the build is not there, or the manifest points outside its folder.
 */
export async function computeRemoteIntegrity(name: string, manifestUrl: string, source: RemoteSource): Promise<string> {
  const { url, local } = checkManifestUrl(name, manifestUrl, source);
  const manifestBytes = local ? await readLocal(source, name, url, 'manifest') : await fetchBytes(url, 'manifest', MAX_MANIFEST_BYTES);
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw refused(`${manifestUrl} is not JSON`, 'remote.manifest_invalid');
  }
  const entry = entryUrlOf(manifest, url);
  const entryBytes = local ? await readLocal(source, name, entry, 'entry script') : await fetchBytes(entry, 'entry script', MAX_ENTRY_BYTES);
  return sri384(entryBytes);
}

/**
 * At every start: the hash of each registry entry whose manifest lives in this server's web root
 * is computed again from the files, so a rebuild of the same version is picked up, and a build
 * that is gone (or never was) leaves no hash — the shell refuses it until it is built. Entries on
 * external origins keep the hash computed when they were published.
 */
export async function refreshLocalIntegrity(db: Db, source: RemoteSource, log: { warn(obj: object, msg: string): void }): Promise<number> {
  const rows = await db.selectFrom('remotes').select(['venue_id', 'name', 'manifest_url', 'integrity']).where('manifest_url', 'like', '/%').execute();
  const computed = new Map<string, string | null>();
  let changed = 0;
  for (const row of rows) {
    const key = `${row.name} ${row.manifest_url}`;
    if (!computed.has(key)) {
      try {
        computed.set(key, await computeRemoteIntegrity(row.name, row.manifest_url, source));
      } catch (error) {
        const reason = error instanceof DomainError ? error.message : String(error);
        log.warn({ remote: row.name, manifestUrl: row.manifest_url, reason }, 'remote has no integrity hash: the shell will not load it');
        computed.set(key, null);
      }
    }
    const integrity = computed.get(key) ?? null;
    if (integrity === row.integrity) continue;
    await db.updateTable('remotes').set({ integrity }).where('venue_id', '=', row.venue_id).where('name', '=', row.name).execute();
    changed++;
  }
  return changed;
}
