import type {
  TAddinCreated,
  TAddinCreateRequest,
  TAddinFiled,
  TAddinFileRequest,
  TAddinLookup,
  TAddinLookupRequest,
  TAddinMoved,
  TAddinMoveRequest,
  TAddinSuggestion,
} from '../../../api/src/contract/addin';
import type { TClientConfig } from '../../../api/src/contract/client-config';
import type {
  TDemoMailboxes,
  TDemoMessage,
  TDemoMessageSummary,
} from '../../../api/src/contract/demo-mailbox';
import type { ApiClient } from './client';

export function createPublicApi(client: ApiClient) {
  return {
    clientConfig: (signal?: AbortSignal) => client.get<TClientConfig>('/client-config', signal),
    demoUsers: () =>
      client.get<{ items: { upn: string; displayName: string; roles: string[] }[] }>('/demo/users'),
    demoSignIn: (upn: string) => client.post<{ accessToken: string }>('/demo/sign-in', { upn }),
  };
}

export function createAddinApi(client: ApiClient) {
  return {
    lookup: (body: TAddinLookupRequest, signal?: AbortSignal) =>
      client.post<TAddinLookup>('/addin/lookup', body, signal),
    suggestions: async (body: TAddinLookupRequest, signal?: AbortSignal) =>
      (await client.post<{ items: TAddinSuggestion[] }>('/addin/suggestions', body, signal)).items,
    file: (body: TAddinFileRequest) => client.post<TAddinFiled>('/addin/file', body),
    create: (body: TAddinCreateRequest) => client.post<TAddinCreated>('/addin/create', body),
    move: (body: TAddinMoveRequest) => client.post<TAddinMoved>('/addin/move', body),
    demoMailboxes: () => client.get<TDemoMailboxes>('/demo/mailboxes'),
    demoMessages: async (mailbox: string) =>
      (
        await client.get<{ items: TDemoMessageSummary[] }>(
          `/demo/mailboxes/${encodeURIComponent(mailbox)}/messages`,
        )
      ).items,
    demoMessage: (mailbox: string, id: string) =>
      client.get<TDemoMessage>(
        `/demo/mailboxes/${encodeURIComponent(mailbox)}/messages/${encodeURIComponent(id)}`,
      ),
  };
}

export type AddinApi = ReturnType<typeof createAddinApi>;
