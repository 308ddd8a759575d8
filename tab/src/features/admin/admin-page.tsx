import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { LoadingBlock } from '../../components/loading-block';
import { href, type AdminSection } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';

const SetupChecklist = lazy(() =>
  import('./setup/setup-checklist').then((m) => ({ default: m.SetupChecklist })),
);
const MailAccountsSection = lazy(() =>
  import('./accounts/mail-accounts-section').then((m) => ({ default: m.MailAccountsSection })),
);
const MailTemplatesSection = lazy(() =>
  import('./templates/mail-templates-section').then((m) => ({ default: m.MailTemplatesSection })),
);
const NoteTypesSection = lazy(() =>
  import('./note-types/note-types-section').then((m) => ({ default: m.NoteTypesSection })),
);
const ServiceMessagingSection = lazy(() =>
  import('./service-messaging/service-messaging-section').then((m) => ({
    default: m.ServiceMessagingSection,
  })),
);
const RulesSection = lazy(() => import('./rules/rules-section').then((m) => ({ default: m.RulesSection })));

// Labels follow the seed guides' menu paths, which admins already know.
const SECTIONS: { value: AdminSection; label: string }[] = [
  { value: 'setup', label: 'Setup checklist' },
  { value: 'accounts', label: 'Mail › Accounts' },
  { value: 'templates', label: 'Mail › Templates' },
  { value: 'note-types', label: 'General › Type' },
  { value: 'service-messaging', label: 'Service messaging' },
  { value: 'rules', label: 'Rules' },
];

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: '200px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  tab: { justifyContent: 'flex-start' },
});

export function AdminPage(props: { section: AdminSection }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <nav aria-label="Administration">
        <TabList
          vertical
          reserveSelectedTabSpace={false}
          selectedValue={props.section}
          onTabSelect={(_, data) => navigate(href({ page: 'admin', section: data.value as AdminSection }))}
        >
          {SECTIONS.map((section) => (
            <Tab key={section.value} value={section.value} className={styles.tab}>
              {section.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <div>
        <Suspense fallback={<LoadingBlock label="Loading…" />}>
          {props.section === 'setup' && <SetupChecklist />}
          {props.section === 'accounts' && <MailAccountsSection />}
          {props.section === 'templates' && <MailTemplatesSection />}
          {props.section === 'note-types' && <NoteTypesSection />}
          {props.section === 'service-messaging' && <ServiceMessagingSection />}
          {props.section === 'rules' && <RulesSection />}
        </Suspense>
      </div>
    </div>
  );
}
