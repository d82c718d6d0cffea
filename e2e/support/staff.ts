import { expect, type Page } from '@playwright/test';
import { enrollmentCode, signInBody } from './devices';

/** REST calls a test makes around the UI (set-up, checks), as a staff member. */
export async function apiLogin(baseUrl: string, pin: string, venue = 'demo') {
  const res = await fetch(`${baseUrl}/pos/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(await signInBody(baseUrl, venue, pin)),
  });
  if (!res.ok) throw new Error(`login ${pin} failed: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(url: string) => call<T>('GET', url),
    post: <T>(url: string, body: unknown = {}) => call<T>('POST', url, body),
    put: <T>(url: string, body: unknown) => call<T>('PUT', url, body),
    patch: <T>(url: string, body: unknown) => call<T>('PATCH', url, body),
  };
}

/** Taps a PIN on the pad the way staff do: the digits, then OK. */
export async function typePin(page: Page, pin: string) {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('pin-submit').click();
}

/**
 * Enrolls the tablet when it shows the enrollment screen (a code from the venue's admin typed in,
 * as staff do on a new tablet), then signs in on the PIN pad.
 */
export async function enrollTablet(page: Page, baseUrl: string, venue = 'demo', name = 'Планшет e2e') {
  await page.getByTestId('enroll-code').fill(await enrollmentCode(baseUrl, venue));
  await page.getByTestId('enroll-name').fill(name);
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('pin-submit')).toBeVisible();
}

/** Signs in on the tablet's PIN pad the way staff do, enrolling the tablet first if it is new. */
export async function signIn(page: Page, baseUrl: string, pin: string, venue = 'demo') {
  await page.goto(`${baseUrl}/?venue=${venue}`);
  const enroll = page.getByTestId('enroll-form');
  await expect(enroll.or(page.getByTestId('pin-submit'))).toBeVisible();
  if (await enroll.isVisible()) await enrollTablet(page, baseUrl, venue);
  await typePin(page, pin);
  await expect(page.getByTestId('staff-name')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Сменить сотрудника|Switch staff/ }).click();
  await expect(page.getByRole('button', { name: '1', exact: true })).toBeVisible();
}

/** Taps a section in the header's navigation, as staff switch screens. */
export async function openSection(page: Page, name: string | RegExp) {
  await page.locator('header nav').getByRole('button', { name, exact: typeof name === 'string' }).click();
}
