import type { Permission } from '@pos/contracts';
import { type HostSlots, HostProvider, type PosApi } from '@pos/plugin-sdk';
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
  /** Other remotes' slots (the pages they add to Admin); none by default. */
  slots?: HostSlots;
}

/** The shared test host, signed in as the venue's admin, with the admin texts. */
export function createFakeHost({ permissions, api, language, slots }: FakeHostOptions = {}) {
  return createTestHost({
    namespace: { name: 'admin', resources: adminTexts },
    staff: { name: 'Елена', role: 'admin' },
    permissions,
    api,
    language,
    navigate: jest.fn(),
    notify: jest.fn(),
    slots,
  });
}

/** A fake transport: a test answers requests by path (like the server would) and asserts on them. */
export interface FakeTransport {
  get?: (path: string) => Promise<unknown>;
  post?: (path: string, body?: unknown) => Promise<unknown>;
  put?: (path: string, body?: unknown) => Promise<unknown>;
  patch?: (path: string, body?: unknown) => Promise<unknown>;
}

const missing = (name: string) => () => Promise.reject(new Error(`${name} is not faked in this test`));

/** The device routes of the PosApi over a fake transport (the tablet's till included). */
export function fakeDevicesApi(transport: FakeTransport): Partial<PosApi> {
  const get = transport.get ?? missing('get');
  const post = transport.post ?? missing('post');
  const put = transport.put ?? missing('put');
  return {
    devices: () => get('/admin/devices') as ReturnType<PosApi['devices']>,
    createEnrollmentCode: (input) => post('/admin/devices/enrollment-codes', input) as ReturnType<PosApi['createEnrollmentCode']>,
    revokeDevice: (id) => post(`/admin/devices/${id}/revoke`) as ReturnType<PosApi['revokeDevice']>,
    setDeviceTill: (id, tillId, clientRequestId) => put(`/admin/devices/${id}/till`, { tillId, clientRequestId }) as ReturnType<PosApi['setDeviceTill']>,
  };
}

/** The till routes of the PosApi over a fake transport. */
export function fakeTillsApi(transport: FakeTransport): Partial<PosApi> {
  const get = transport.get ?? missing('get');
  const post = transport.post ?? missing('post');
  const patch = transport.patch ?? missing('patch');
  return {
    adminTills: () => get('/admin/tills') as ReturnType<PosApi['adminTills']>,
    createTill: (body) => post('/admin/tills', body) as ReturnType<PosApi['createTill']>,
    updateTill: (id, body) => patch(`/admin/tills/${id}`, body) as ReturnType<PosApi['updateTill']>,
  };
}

export function renderWithHost(ui: ReactElement, options: FakeHostOptions = {}) {
  const host = createFakeHost(options);
  return { host, ...render(<HostProvider host={host}>{ui}</HostProvider>) };
}
