import { type CompactMenu, encodeMenu } from '@pos/contracts';
import { compress, type ContentCoding } from '../../plugins/compression';
import type { Db } from '../../shared/command';
import type { MenuService } from './service';

/** The compact menu of one venue at one version, serialized once, each coding made once. */
export interface MenuSnapshot {
  venueId: string;
  version: number;
  /** Weak: the JSON is the same for a version, its codings' bytes may differ between processes. */
  etag: string;
  /** Kept as columns (a fraction of the object-per-dish form in memory): GET /pos/menu decodes it. */
  compact: CompactMenu;
  json: Buffer;
  encoded(coding: ContentCoding): Promise<Buffer>;
}

export const snapshotEtag = (venueId: string, version: number) => `W/"menu-${venueId}-${version}"`;

/**
 * The finished bodies of `GET /pos/menu/snapshot`, per process: for each of the last few venues
 * asked, its newest version's JSON and, made on first demand, its brotli and gzip codings. At
 * 50,000 dishes building and compressing is the cost (tens of milliseconds, megabytes); a tablet
 * fleet starting up after a deploy all asks for the same version. A menu change (any: a stock
 * count too) makes a new version, built again on the next request.
 */
export class MenuSnapshots {
  /** Venue id → its newest snapshot (or the build in flight); Map order is least recently used first. */
  private readonly byVenue = new Map<string, Promise<MenuSnapshot>>();

  constructor(
    private readonly menu: MenuService,
    private readonly venuesKept = 4,
  ) {}

  /** The snapshot at the venue's current version (a concurrent request for it shares the build). */
  async current(db: Db, venueId: string, version: number): Promise<MenuSnapshot> {
    const cached = this.byVenue.get(venueId);
    if (cached) {
      const snapshot = await cached.catch(() => undefined);
      // Newer than asked is fine too: the build read the menu after the version was read.
      if (snapshot && snapshot.version >= version) {
        // Unless a newer build took the venue's place meanwhile.
        if (this.byVenue.get(venueId) === cached) this.touch(venueId, cached);
        return snapshot;
      }
    }
    const build = this.build(db, venueId);
    this.touch(venueId, build);
    build.catch(() => {
      if (this.byVenue.get(venueId) === build) this.byVenue.delete(venueId);
    });
    return build;
  }

  private touch(venueId: string, entry: Promise<MenuSnapshot>) {
    this.byVenue.delete(venueId);
    this.byVenue.set(venueId, entry);
    for (const oldest of this.byVenue.keys()) {
      if (this.byVenue.size <= this.venuesKept) break;
      this.byVenue.delete(oldest);
    }
  }

  private async build(db: Db, venueId: string): Promise<MenuSnapshot> {
    const menu = await this.menu.menu(db, venueId);
    const compact = encodeMenu(menu);
    const json = Buffer.from(JSON.stringify(compact));
    const codings = new Map<ContentCoding, Promise<Buffer>>();
    return {
      venueId,
      version: menu.version,
      etag: snapshotEtag(venueId, menu.version),
      compact,
      json,
      encoded(coding) {
        let body = codings.get(coding);
        if (!body) {
          body = compress(json, coding);
          codings.set(coding, body);
          body.catch(() => codings.delete(coding));
        }
        return body;
      },
    };
  }
}
