// The bad requests of the "bad input" conformance test, each with the status and code Graph answers it with.

export type Case = {
  name: string;
  method?: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  status: number;
  code?: string;
};

/** The mailbox under test, and ids in it and in another mailbox that the cases point at. */
export type CaseIds = {
  mb: string;
  foreignFolderId: string;
  foreignMessageId: string;
  receivedId: string;
  userToken: string;
};

export function badInputCases({
  mb,
  foreignFolderId,
  foreignMessageId,
  receivedId,
  userToken,
}: CaseIds): Case[] {
  const inbox = (): string => `/users/${mb}/mailFolders/inbox/messages`;
  return [
    { name: 'unparseable $filter', path: `${inbox()}?$filter=isRead eq`, status: 400, code: 'BadRequest' },
    {
      name: 'unterminated string in $filter',
      path: `${inbox()}?$filter=subject eq 'open`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'type mismatch in $filter',
      path: `${inbox()}?$filter=isRead eq 'yes'`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'unknown property in $filter',
      path: `${inbox()}?$filter=colour eq 'red'`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'lambda over recipients',
      path: `${inbox()}?$filter=toRecipients/any(r:r/emailAddress/address eq 'a@b.c')`,
      status: 400,
      code: 'ErrorInvalidUrlQueryFilter',
    },
    {
      name: 'orderby not leading the filter',
      path: `${inbox()}?$filter=isRead eq false&$orderby=receivedDateTime`,
      status: 400,
      code: 'InefficientFilter',
    },
    { name: 'unknown query option', path: `${inbox()}?$foo=1`, status: 400, code: 'BadRequest' },
    { name: '$top over 1000', path: `${inbox()}?$top=1001`, status: 400, code: 'ErrorInvalidUrlQuery' },
    { name: '$top not a number', path: `${inbox()}?$top=ten`, status: 400, code: 'BadRequest' },
    { name: 'unknown $select property', path: `${inbox()}?$select=colour`, status: 400, code: 'BadRequest' },
    { name: 'unknown $expand', path: `${inbox()}?$expand=colour`, status: 400, code: 'BadRequest' },
    {
      name: 'malformed $orderby',
      path: `${inbox()}?$orderby=subject sideways`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: '$search (not emulated)',
      path: `${inbox()}?$search="printer"`,
      status: 501,
      code: 'NotImplemented',
    },
    {
      name: 'unknown user',
      path: '/users/nobody@contoso.test/messages',
      status: 404,
      code: 'ErrorInvalidUser',
    },
    {
      name: 'user without a mailbox',
      path: '/users/unlicensed@contoso.test/messages',
      status: 404,
      code: 'MailboxNotEnabledForRESTAPI',
    },
    { name: '/me with an app token', path: '/me/messages', status: 400, code: 'BadRequest' },
    {
      name: 'folder name that is no well-known name',
      path: `/users/${mb}/mailFolders/nosuchfolder/messages`,
      status: 400,
      code: 'ErrorInvalidIdMalformed',
    },
    {
      name: 'folder id of another mailbox',
      path: `/users/${mb}/mailFolders/${foreignFolderId}/messages`,
      status: 404,
      code: 'ErrorItemNotFound',
    },
    {
      name: 'malformed message id',
      path: `/users/${mb}/messages/not-an-id`,
      status: 400,
      code: 'ErrorInvalidIdMalformed',
    },
    {
      name: 'message id of another mailbox',
      path: `/users/${mb}/messages/${foreignMessageId}`,
      status: 404,
      code: 'ErrorItemNotFound',
    },
    { name: 'bad percent-encoding', path: `/users/${mb}/messages/%E0%A4%A`, status: 400, code: 'BadRequest' },
    {
      name: 'no Authorization header',
      path: inbox(),
      headers: { authorization: '' },
      status: 401,
      code: 'InvalidAuthenticationToken',
    },
    {
      name: 'token for another audience',
      path: inbox(),
      headers: { authorization: `Bearer ${userToken}` },
      status: 401,
      code: 'InvalidAuthenticationToken',
    },
    {
      name: 'body over 4 MB',
      method: 'POST',
      path: `/users/${mb}/sendMail`,
      body: JSON.stringify({ message: { subject: 'x'.repeat(4_300_000) } }),
      status: 413,
    },
    {
      name: 'invalid JSON',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"subject": ',
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'unknown message property',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"colour":"red"}',
      status: 400,
      code: 'RequestBodyRead',
    },
    {
      name: 'wrong property type',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"subject":5}',
      status: 400,
      code: 'RequestBodyRead',
    },
    {
      name: 'non-x- header on a draft',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"internetMessageHeaders":[{"name":"References","value":"<a@b>"}]}',
      status: 400,
      code: 'InvalidInternetMessageHeader',
    },
    {
      name: 'changing the subject of received mail',
      method: 'PATCH',
      path: `/users/${mb}/messages/${receivedId}`,
      body: '{"subject":"changed"}',
      status: 400,
      code: 'ErrorInvalidPropertyUpdateSentMessage',
    },
    {
      name: 'stale If-Match',
      method: 'PATCH',
      path: `/users/${mb}/messages/${receivedId}`,
      body: '{"isRead":true}',
      headers: { 'if-match': 'W/"CQAAABYAAAstale"' },
      status: 412,
      code: 'ErrorIrresolvableConflict',
    },
    {
      name: 'move to a malformed folder id',
      method: 'POST',
      path: `/users/${mb}/messages/${receivedId}/move`,
      body: '{"destinationId":"nowhere"}',
      status: 400,
      code: 'ErrorInvalidIdMalformed',
    },
    {
      name: 'sendMail without recipients',
      method: 'POST',
      path: `/users/${mb}/sendMail`,
      body: '{"message":{"subject":"x"}}',
      status: 400,
      code: 'ErrorInvalidRecipients',
    },
    { name: 'empty $batch', method: 'POST', path: '/$batch', body: '{}', status: 400, code: 'BadRequest' },
    {
      name: 'subscription without fields',
      method: 'POST',
      path: '/subscriptions',
      body: '{}',
      status: 400,
      code: 'InvalidRequest',
    },
    {
      name: 'a resource the emulator does not implement',
      path: `/users/${mb}/calendar/events`,
      status: 501,
      code: 'NotImplemented',
    },
    { name: 'a method the resource does not take', method: 'PUT', path: inbox(), body: '{}', status: 405 },
  ];
}
