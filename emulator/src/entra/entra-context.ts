import type { Tenant } from '../tenant/tenant-directory.js';
import type { TokenService } from './token-service.js';
import type { SigningKeys } from './signing-keys.js';
import type { AuthCodes } from './auth-codes.js';

export type EntraContext = {
  tenant: Tenant;
  tokens: TokenService;
  keys: SigningKeys;
  codes: AuthCodes;
  countTokenIssued: (kind: 'app' | 'user') => void;
};
