import { expect } from 'vitest';
import type { TestStack } from '../../support/stack.js';

export type ApiCall = <T = unknown>(path: string, init?: { method?: string; json?: unknown }) => Promise<T>;

/**
 * Calls the stack's API as a demo user (a real token from the emulator's sign-in), for what a test sets up or checks
 * behind the browser's back. A refused call fails the test with the API's answer.
 */
export function apiAs(stack: TestStack, upn: string): ApiCall {
  let token: Promise<string> | undefined;
  return async <T>(path: string, init: { method?: string; json?: unknown } = {}) => {
    token ??= stack.tokenFor(upn);
    const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
    const res = await fetch(`${stack.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token}`,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await res.text();
    expect(res.ok, `${method} ${path} as ${upn}: ${res.status} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
