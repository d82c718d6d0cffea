import type { CreateEnrollmentCodeInput, EnrollmentCodeResult } from '@pos/contracts';
import { type PosApi, useApi } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

/**
 * `POST /admin/devices/enrollment-codes`: a one-time code for a new tablet, answered once (the
 * server keeps only its hash, and no stored answer: a repeated request issues another code).
 */
export const createEnrollmentCode = (api: PosApi, input: CreateEnrollmentCodeInput): Promise<EnrollmentCodeResult> => api.createEnrollmentCode(input);

/** Errors are left to the dialog, which shows them where the code would be. */
export function useCreateEnrollmentCode() {
  const api = useApi();
  return useMutation({ mutationFn: (input: CreateEnrollmentCodeInput) => createEnrollmentCode(api, input) });
}
