import type { CreateEnrollmentCodeInput, EnrollmentCodeResult } from '@pos/contracts';
import { type PosApi, useApi } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

/**
 * `POST /admin/devices/enrollment-codes`: a one-time code for a new tablet, answered once (the
 * server keeps only its hash). Like every mutation the api client sends it with a fresh
 * Idempotency-Key, so a repeated request answers the same code instead of issuing another.
 */
export const createEnrollmentCode = (api: PosApi, input: CreateEnrollmentCodeInput): Promise<EnrollmentCodeResult> =>
  api.client.post<EnrollmentCodeResult>('/admin/devices/enrollment-codes', input);

/** Errors are left to the dialog, which shows them where the code would be. */
export function useCreateEnrollmentCode() {
  const api = useApi();
  return useMutation({ mutationFn: (input: CreateEnrollmentCodeInput) => createEnrollmentCode(api, input) });
}
