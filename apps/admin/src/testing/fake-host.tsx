import type { Permission } from '@pos/contracts';
import { HostProvider, type PosApi } from '@pos/plugin-sdk';
import { createTestHost, TEST_STAFF_ID, TEST_VENUE_ID } from '@pos/plugin-sdk/testing';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { adminTexts } from '../texts';

export const VENUE_ID = TEST_VENUE_ID;
export const ME_ID = TEST_STAFF_ID;

export interface FakeHostOptions {
  /** What the signed-in staff member may do; everything by default. */
  permissions?: readonly Permission[];
  /** The api functions the test needs (jest.fn()); anything else throws when called. */
  api?: Partial<PosApi>;
  language?: 'ru' | 'en';
}

/** The shared test host, signed in as the venue's admin, with the admin texts. */
export function createFakeHost({ permissions, api, language }: FakeHostOptions = {}) {
  return createTestHost({
    namespace: { name: 'admin', resources: adminTexts },
    staff: { name: 'Елена', role: 'admin' },
    permissions,
    api,
    language,
    navigate: jest.fn(),
    notify: jest.fn(),
  });
}

/**
 * The api client's generic methods (`api.client`), for api files calling routes the PosApi has no
 * method for yet: pass the methods the test needs (jest.fn()); anything else rejects when called.
 */
export function fakeClient(methods: Partial<Record<keyof PosApi['client'], (...args: never[]) => Promise<unknown>>>): PosApi['client'] {
  const missing = (name: string) => () => Promise.reject(new Error(`api.client.${name} is not faked in this test`));
  return { request: missing('request'), get: missing('get'), post: missing('post'), put: missing('put'), patch: missing('patch'), ...methods } as PosApi['client'];
}

export function renderWithHost(ui: ReactElement, options: FakeHostOptions = {}) {
  const host = createFakeHost(options);
  return { host, ...render(<HostProvider host={host}>{ui}</HostProvider>) };
}
