import {
  Avatar,
  Badge,
  Caption1,
  makeStyles,
  Menu,
  MenuButton,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect } from 'react';
import { href, type Route } from '../routing/route';
import { OpenMailCount } from '../features/mail-center/open-mail-count';
import { navigate, useHashRoute } from '../routing/use-hash-route';
import { useDesk } from '../session/desk-context';
import { SIGN_IN_METHOD_LABEL } from '../session/session';
import { LoadingBlock } from '../components/loading-block';
import { RoutedPage } from './routed-page';
import { VisuallyHidden } from '../components/visually-hidden';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalL}`,
    minHeight: '48px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  logo: { width: '24px', height: '24px' },
  nav: { flexGrow: 1 },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '1400px',
    margin: '0 auto',
  },
});

type NavItem = { value: string; label: string; target: string; isAdminOnly?: boolean };

// Each entry's page is in RoutedPage.
const NAV_ITEMS: readonly NavItem[] = [
  { value: 'requests', label: 'Service requests', target: '#/requests' },
  { value: 'mail-center', label: 'Mail Center', target: '#/mail-center' },
  { value: 'admin', label: 'Administration', target: '#/admin', isAdminOnly: true },
];

const navValue = (route: Route): string | undefined =>
  route.page === 'requests' || route.page === 'request'
    ? 'requests'
    : route.page === 'mail-center' || route.page === 'mail-item'
      ? 'mail-center'
      : route.page === 'admin' || route.page === 'mail-account' || route.page === 'mail-template'
        ? 'admin'
        : undefined;

const ConfigurePage = lazy(() =>
  import('../features/configure/configure-page').then((m) => ({ default: m.ConfigurePage })),
);

export function AppShell(props: { onSignOut?: () => void }) {
  const styles = useStyles();
  const { session, host, config } = useDesk();
  const route = useHashRoute();
  useTeamsDeepLink();

  if (route.page === 'configure') {
    return (
      <Suspense fallback={<LoadingBlock label="Loading…" />}>
        <ConfigurePage />
      </Suspense>
    );
  }
  const items = NAV_ITEMS.filter((item) => !item.isAdminOnly || session.user.isAdmin);
  return (
    <>
      <header className={styles.header}>
        <span className={styles.brand}>
          <img className={styles.logo} src="favicon.png" alt="" />
          Service Messaging
          {config.demo && (
            <Badge appearance="tint" color="informative">
              Demo
            </Badge>
          )}
        </span>
        <nav className={styles.nav} aria-label="Service Messaging">
          <TabList
            selectedValue={navValue(route) ?? null}
            onTabSelect={(_, data) => navigate(items.find((i) => i.value === data.value)?.target ?? '#/')}
          >
            {items.map((item) => (
              <Tab key={item.value} value={item.value}>
                {item.label}
                {item.value === 'mail-center' && <OpenMailCount />}
              </Tab>
            ))}
          </TabList>
        </nav>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="subtle"
              icon={<Avatar name={session.user.name} size={24} color="colorful" aria-hidden />}
            >
              <VisuallyHidden>Signed in as </VisuallyHidden>
              {session.user.name}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroupHeader>
                <Caption1>
                  {session.user.upn} · {session.user.isAdmin ? 'Admin' : 'Agent'} ·{' '}
                  {SIGN_IN_METHOD_LABEL[session.via]}
                  {host.kind === 'teams' ? ` in ${host.hostName}` : ''}
                </Caption1>
              </MenuGroupHeader>
              {props.onSignOut && (
                <MenuItem icon={<SignOutRegular />} onClick={props.onSignOut}>
                  Sign out
                </MenuItem>
              )}
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <main className={styles.main} id="main">
        <Suspense fallback={<LoadingBlock label="Loading…" />}>
          <RoutedPage route={route} />
        </Suspense>
      </main>
    </>
  );
}

/** Teams opens a static tab at its entityId and a deep link with a subPageId (an SR number): show that page. */
function useTeamsDeepLink(): void {
  const { host } = useDesk();
  useEffect(() => {
    if (host.kind !== 'teams') return;
    if (host.subPageId) navigate(href({ page: 'request', ref: host.subPageId }), { replace: true });
    else if (!window.location.hash.replace(/^#\/?/, '') && host.entityId)
      navigate(`#/${host.entityId}`, { replace: true });
  }, [host]);
}
