import { join } from 'node:path';

// Dovecot's configuration for a test run: everything under one temp directory, listening on loopback only, with our own
// users (passwd-file), our own certificate, and the OAuth2 passdb validating Entra-shaped JWTs locally (Dovecot 2.3
// `introspection_mode = local`, keys read from a directory dictionary the test fills from the emulator's JWKS). Like
// Exchange Online, it offers XOAUTH2 (not OAUTHBEARER).

export type DovecotPorts = { imap: number; imaps: number; lmtp: number; auth: number };

export type DovecotIdentity = { loginUser: string; internalUser: string; mailUid: number; mailGid: number };

export function dovecotConfig(
  dir: string,
  ports: DovecotPorts,
  who: DovecotIdentity,
  oauth: { issuer: string; audience: string },
): Record<string, string> {
  const main = `
base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
log_path = ${join(dir, 'dovecot.log')}
protocols = imap lmtp
listen = 127.0.0.1, 127.0.0.2
ssl = yes
ssl_cert = <${join(dir, 'tls', 'cert.pem')}
ssl_key = <${join(dir, 'tls', 'key.pem')}
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login xoauth2
# Sign-in failures (a refused token, a wrong password) are logged with their reason: tests and admins read them.
auth_verbose = yes
# No delays or growing penalties for failed sign-ins (they are test cases here, not attacks).
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
default_login_user = ${who.loginUser}
default_internal_user = ${who.internalUser}
first_valid_uid = ${Math.min(who.mailUid, 100)}
mail_location = maildir:${join(dir, 'mail')}/%Lu:LAYOUT=fs
mail_max_userip_connections = 200
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Processed {
    auto = subscribe
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu ${join(dir, 'users')}
}
passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = ${join(dir, 'oauth2.conf.ext')}
}
userdb {
  driver = static
  args = uid=${who.mailUid} gid=${who.mailGid} home=${join(dir, 'mail')}/%Lu
}
service imap-login {
  inet_listener imap {
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = ${ports.imaps}
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${ports.lmtp}
  }
}
service auth {
  inet_listener auth-postfix {
    address = 127.0.0.1
    port = ${ports.auth}
  }
}
protocol lmtp {
  postmaster_address = postmaster@contoso.test
}
`;
  // Entra app-only tokens name the app, not a mailbox (the mailbox is the SASL user; Exchange checks the app's
  // permission on it). So the username check compares a constant on both sides, and what is validated is what
  // matters here: signature (the emulator's keys), issuer, audience (Exchange Online), lifetime.
  const oauth2 = `
introspection_mode = local
local_validation_key_dict = fs:posix:prefix=${join(dir, 'keys')}/
issuers = ${oauth.issuer}
client_id = ${oauth.audience}
username_attribute = appid
username_format = entra-app
`;
  return { 'dovecot.conf': main, 'oauth2.conf.ext': oauth2 };
}
