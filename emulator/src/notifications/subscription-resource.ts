import { GraphHttpError } from '../core/graph-error.js';
import { parseFilter, type FilterExpr } from '../odata/filter-parser.js';
import { checkFilter } from '../odata/property-table.js';
import { MESSAGE_TABLE } from '../odata/message-properties.js';

export type SubscriptionResource = {
  user: string;
  folder: string | null;
  filter: FilterExpr | null;
  filterText: string | null;
};

const RESOURCE = /^\/?(users\/([^/]+)|me)(\/mailFolders(\('([^']+)'\)|\/([^/?]+)))?\/messages$/i;

/** Outlook message resources: `users/{id}/messages` or `users/{id}/mailFolders('{id}')/messages`, with an optional $filter. */
export function parseSubscriptionResource(resource: string): SubscriptionResource {
  const [path = '', query = ''] = resource.split('?', 2);
  const match = RESOURCE.exec(path);
  if (!match) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      `The resource '${resource}' is not supported. Subscribe to users/{id}/messages or users/{id}/mailFolders('{id}')/messages.`,
    );
  }
  if (match[1]?.toLowerCase() === 'me') {
    throw new GraphHttpError(
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
    );
  }
  const params = new URLSearchParams(query);
  for (const key of params.keys()) {
    if (key !== '$filter')
      throw new GraphHttpError(
        400,
        'InvalidRequest',
        `The query option '${key}' is not supported in a subscription resource.`,
      );
  }
  const filterText = params.get('$filter');
  let filter: FilterExpr | null = null;
  if (filterText !== null) {
    filter = parseFilter(filterText);
    checkFilter(filter, MESSAGE_TABLE);
  }
  return {
    user: decodeURIComponent(match[2] ?? ''),
    folder: match[5] ?? match[6] ?? null,
    filter,
    filterText,
  };
}
