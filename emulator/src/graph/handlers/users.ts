import type { EmuResponse } from '../../core/emu-http.js';
import { tenantRoute, type GraphCall, type Route } from '../graph-call.js';
import { GraphHttpError } from '../../core/graph-error.js';
import { queryOptions } from '../../odata/query-options.js';
import { entityResponse } from '../respond.js';
import { findUser } from '../../tenant/tenant-directory.js';

/** GET /users/{id}: needs a directory permission the mail app does not have, as in a real least-privilege setup. */
function getUser(call: GraphCall): EmuResponse {
  queryOptions(call.req, ['$select']);
  const user = findUser(call.s.tenant, call.params.user ?? '');
  if (!user)
    throw new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${call.params.user ?? ''}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return entityResponse(call, 200, 'users/$entity', {
    id: user.id,
    displayName: user.displayName,
    mail: user.hasMailbox ? user.userPrincipalName : null,
    userPrincipalName: user.userPrincipalName,
    businessPhones: [],
    givenName: null,
    surname: null,
    jobTitle: null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
  });
}

export const userRoutes: Route[] = [tenantRoute('GET', 'users/{user}', 'users.get', 'directory', getUser)];
