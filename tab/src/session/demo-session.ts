import { demoTokenStore } from '../../../web-shared/demo-token-store';
import type { createPublicApi } from '../api/desk-api';

const store = demoTokenStore('service-messaging.demo-token');

export const { restore: restoreDemoToken, forget: forgetDemoToken } = store;

export async function signInAsDemoUser(
  api: ReturnType<typeof createPublicApi>,
  upn: string,
): Promise<string> {
  const { accessToken } = await api.demoSignIn(upn);
  store.remember(accessToken);
  return accessToken;
}
