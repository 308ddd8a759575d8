import { domainOf } from '../../domain/mail-message.js';
import type { Store } from '../../ports/store.js';
import type { ClassifyContext } from '../../reply/classify.js';

/** The desk's own addresses and Message-ID domains, read fresh for each sync: mail from them is not a customer's. */
export async function ownAddresses(store: Store): Promise<Omit<ClassifyContext, 'recent'>> {
  const accounts = await store.read((tx) => tx.collection('mailAccounts').all());
  const own = [
    ...new Set(accounts.flatMap((a) => [a.emailAddress, a.userPrincipalName]).map((a) => a.toLowerCase())),
  ];
  return { ownAddresses: own, ownMessageIdDomains: [...new Set(own.map(domainOf).filter(Boolean))] };
}
