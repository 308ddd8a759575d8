import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../../support/stack.js';

// Demo mode signs people in through the emulator's Entra: the token is real and the API verifies it as it
// would a tenant's.
describe('demo sign-in', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('offers only the people who hold a service desk role', async () => {
    const res = await fetch(`${stack.url}/api/demo/users`);
    const { items } = (await res.json()) as { items: { upn: string; roles: string[] }[] };
    expect(items.map((u) => u.upn).sort()).toEqual(['admin@contoso.test', 'agent@contoso.test']);
  });

  it('hands out a token the API accepts, with the role the user holds', async () => {
    const agent = await stack.tokenFor('agent@contoso.test');
    expect(
      (await fetch(`${stack.url}/api/requests`, { headers: { authorization: `Bearer ${agent}` } })).status,
    ).toBe(200);
    expect(
      (await fetch(`${stack.url}/api/admin/mail/accounts`, { headers: { authorization: `Bearer ${agent}` } }))
        .status,
    ).toBe(403);
  });

  it('refuses someone who is not a demo user', async () => {
    const res = await fetch(`${stack.url}/api/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: 'support@contoso.test' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('not a demo user');
  });
});
