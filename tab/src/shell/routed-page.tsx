import { lazy } from 'react';
import type { Route } from '../routing/route';
import { useDesk } from '../session/desk-context';
import { AdminOnly } from '../components/admin-only';
import { NotFound } from '../components/not-found';

// Each page is its own chunk: the first download stays small and admins' pages load only for admins.
const RequestsPage = lazy(() =>
  import('../features/requests/requests-page').then((m) => ({ default: m.RequestsPage })),
);
const RequestDetailPage = lazy(() =>
  import('../features/request-detail/request-detail-page').then((m) => ({ default: m.RequestDetailPage })),
);
const MailCenterPage = lazy(() =>
  import('../features/mail-center/mail-center-page').then((m) => ({ default: m.MailCenterPage })),
);
const MailItemPage = lazy(() =>
  import('../features/mail-center/mail-item-page').then((m) => ({ default: m.MailItemPage })),
);
const AdminPage = lazy(() => import('../features/admin/admin-page').then((m) => ({ default: m.AdminPage })));
const MailAccountPage = lazy(() =>
  import('../features/admin/accounts/mail-account-page').then((m) => ({ default: m.MailAccountPage })),
);
const MailTemplatePage = lazy(() =>
  import('../features/admin/templates/mail-template-page').then((m) => ({ default: m.MailTemplatePage })),
);

export function RoutedPage(props: { route: Route }) {
  const { session } = useDesk();
  const { route } = props;
  switch (route.page) {
    case 'requests':
      return <RequestsPage params={route.params} />;
    case 'request':
      return <RequestDetailPage key={route.ref} srRef={route.ref} />;
    case 'mail-center':
      return <MailCenterPage params={route.params} />;
    case 'mail-item':
      return <MailItemPage key={route.itemId} itemId={route.itemId} />;
    case 'admin':
      return session.user.isAdmin ? <AdminPage section={route.section} /> : <AdminOnly />;
    case 'mail-account':
      return session.user.isAdmin ? (
        <MailAccountPage key={route.accountId} accountId={route.accountId} />
      ) : (
        <AdminOnly />
      );
    case 'mail-template':
      return session.user.isAdmin ? (
        <MailTemplatePage key={route.templateId} templateId={route.templateId} />
      ) : (
        <AdminOnly />
      );
    case 'configure':
    case 'not-found':
      return <NotFound />;
  }
}
