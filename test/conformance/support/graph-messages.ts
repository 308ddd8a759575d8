// The shapes of Graph message listings the mail conformance tests read.

export type Message = Record<string, unknown> & {
  id: string;
  isRead: boolean;
  internetMessageId: string;
  receivedDateTime: string;
};
export type Page = { value: Message[]; '@odata.nextLink'?: string };
