import type { NotificationChannel } from '@pos/contracts';
import type { NotificationChannelsConfig } from '../../../config';
import { type Channel, notConfigured } from './channel';
import { EmailChannel } from './email';
import { SmsChannel } from './sms';

export type { Channel, OutgoingMessage } from './channel';

export type Channels = Record<NotificationChannel, Channel>;

/** The channels as configured: one without its settings refuses every message ("channel not configured"). */
export function createChannels(config: NotificationChannelsConfig): Channels {
  return {
    email: config.smtpUrl ? new EmailChannel(config.smtpUrl, config.smtpFrom) : notConfigured('Email'),
    sms: config.smsProviderUrl ? new SmsChannel(config.smsProviderUrl, config.smsProviderToken, config.smsSender) : notConfigured('SMS'),
  };
}
