import { expect, type Page } from '@playwright/test';

/** REST calls a test makes around the UI (set-up, checks), as a staff member. */
export async function apiLogin(baseUrl: string, pin: string, venue = 'demo') {
  const res = await fetch(`${baseUrl}/pos/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ venue, pin, deviceId: `e2e-${pin}` }),
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

/** Signs in on the tablet's PIN pad the way staff do: tapping the digits. */
export async function signIn(page: Page, baseUrl: string, pin: string, venue = 'demo') {
  await page.goto(`${baseUrl}/?venue=${venue}`);
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
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
