import type { MessageHeader } from '../state/mail-types.js';
import type { Tenant } from '../tenant/tenant-directory.js';

// Exchange Online checks mail arriving from outside the organisation and prepends an Authentication-Results header in
// its own form: no authserv-id, the receiving domain's results, and Microsoft's composite verdict `compauth` (the API's
// docs/sender-authenticity.md). The emulator has no DNS, so every outside sender passes, unless the
// `unauthenticatedSenders` knob names its address or domain: then SPF and DMARC fail as for a forged From:.

/** Who decides whether a delivery gets a stamp, and whether it passes. */
export type StampPolicy = { tenant: Pick<Tenant, 'domains'>; unauthenticatedSenders: readonly string[] };

const HEADER = 'Authentication-Results';

export function exchangeStamp(fromAddress: string, failing: boolean): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase();
  return failing
    ? `spf=fail (sender IP is 203.0.113.66) smtp.mailfrom=${domain}; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=${domain};compauth=fail reason=000`
    : `spf=pass (sender IP is 192.0.2.25) smtp.mailfrom=${domain}; dkim=pass (signature was verified) header.d=${domain};dmarc=pass action=none header.from=${domain};compauth=pass reason=100`;
}

/**
 * The header Exchange would prepend to this delivery, or undefined: mail from inside the tenant is not stamped, and a
 * message whose first header already is an Authentication-Results (a replay of mail Exchange received) keeps it.
 */
export function stampFor(
  policy: StampPolicy,
  fromAddress: string | undefined,
  headers: readonly MessageHeader[],
): MessageHeader | undefined {
  if (headers[0]?.name.toLowerCase() === HEADER.toLowerCase()) return undefined;
  const address = (fromAddress ?? '').toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || policy.tenant.domains.some((d) => d.toLowerCase() === domain))
    return undefined;
  const failing = policy.unauthenticatedSenders.some(
    (s) => s.toLowerCase() === address || s.toLowerCase() === domain,
  );
  return { name: HEADER, value: exchangeStamp(address, failing) };
}
