import { z } from 'zod';
import { FeatureSchema, RemoteSchema } from './admin';
import { SessionInfoSchema } from './auth';


export const PosConfigSchema = SessionInfoSchema.extend({
  flags: z.record(FeatureSchema, z.boolean()),
  /** Enabled remotes only: the shell registers exactly these with the federation runtime. */
  remotes: z.array(RemoteSchema),
  shellApi: z.string(),
  serverTime: z.iso.datetime(),
});
export type PosConfig = z.infer<typeof PosConfigSchema>;

export const PingSchema = z.object({ ok: z.literal(true), time: z.iso.datetime(), version: z.string() });
