import { z } from 'zod';
import { FeatureSchema, RemoteSchema } from './admin';
import { SessionInfoSchema } from './auth';

/** The version of the host API remotes are written against (`PosPlugin.shellApi`). */
export const SHELL_API_VERSION = '1.0.0';

export const PosConfigSchema = SessionInfoSchema.extend({
  flags: z.record(FeatureSchema, z.boolean()),
  /** Enabled remotes only: the shell registers exactly these with the federation runtime. */
  remotes: z.array(RemoteSchema),
  shellApi: z.string(),
  serverTime: z.iso.datetime(),
});
export type PosConfig = z.infer<typeof PosConfigSchema>;

export const PingSchema = z.object({ ok: z.literal(true), time: z.iso.datetime(), version: z.string() });
