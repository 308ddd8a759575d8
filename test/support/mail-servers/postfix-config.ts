import { join } from 'node:path';

// Postfix for a test run: its own config and queue directories under the temp dir, loopback only, submission (587
// STARTTLS) and submissions (465 TLS) on free ports with SASL through Dovecot's auth service, and every address of the
// test domains delivered into Dovecot over LMTP (customers' mailboxes included, so a test can read what they got).

export type PostfixPorts = { submission: number; submissions: number; lmtp: number; auth: number };

export const TEST_DOMAINS = ['contoso.test', 'fabrikam.test', 'northwind.test'];

export function postfixConfig(
  dir: string,
  ports: PostfixPorts,
  options: { messageSizeLimit: number },
): Record<string, string> {
  const tls = join(dir, 'tls');
  const main = `
compatibility_level = 3.6
queue_directory = ${join(dir, 'postfix', 'queue')}
data_directory = ${join(dir, 'postfix', 'data')}
mail_owner = postfix
myhostname = mail.contoso.test
mydomain = contoso.test
myorigin = contoso.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
smtp_host_lookup = native
lmtp_host_lookup = native
disable_dns_lookups = yes
maillog_file = ${join(dir, 'postfix', 'maillog')}
maillog_file_prefixes = ${dir}
virtual_mailbox_domains = ${TEST_DOMAINS.join(' ')}
virtual_transport = lmtp:inet:127.0.0.1:${ports.lmtp}
message_size_limit = ${options.messageSizeLimit}
smtpd_tls_cert_file = ${join(tls, 'cert.pem')}
smtpd_tls_key_file = ${join(tls, 'key.pem')}
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:${ports.auth}
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
smtpd_banner = $myhostname ESMTP
biff = no
`;
  const submit =
    '-o smtpd_sasl_auth_enable=yes -o smtpd_client_restrictions=permit_sasl_authenticated,reject -o smtpd_sasl_security_options=noanonymous';
  const master = `
${ports.submission} inet n - n - - smtpd -o syslog_name=postfix/submission -o smtpd_tls_security_level=encrypt ${submit}
${ports.submissions} inet n - n - - smtpd -o syslog_name=postfix/submissions -o smtpd_tls_wrappermode=yes ${submit}
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
lmtp unix - - n - - lmtp
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
`;
  return { 'main.cf': main, 'master.cf': master };
}
