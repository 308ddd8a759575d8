import { demoTokenStore } from '../../../web-shared/demo-token-store';

export const {
  restore: restoreDemoToken,
  remember: rememberDemoToken,
  forget: forgetDemoToken,
} = demoTokenStore('service-messaging.addin.demo-token');
