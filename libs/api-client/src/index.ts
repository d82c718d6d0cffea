export { createApiClient, newRequestId } from './api-client';
export type { ApiClient, ApiClientOptions, RequestOptions } from './api-client';
export { ApiError } from './api-error';
export { createPosApi, queryKeys } from './pos-api';
export type { PosApi } from './pos-api';
export { ApiProvider, useApi, useCurrentShift, useHalls, useMenu, useOrder, useTables, useTickets } from './hooks';
