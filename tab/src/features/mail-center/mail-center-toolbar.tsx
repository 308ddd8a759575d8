import { Dropdown, Field, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MailCenterReason, MailCenterState } from '../../api/desk-api';
import type { MailCenterFilters } from './mail-center-filters';
import { REASON_LABELS, STATE_LABELS } from './mail-center-labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  search: { minWidth: '260px', flexGrow: 1, maxWidth: '420px' },
  select: { minWidth: '200px' },
});

const SEARCH_DELAY_MS = 300;
const ANY_REASON = 'any';

export function MailCenterToolbar(props: { filters: MailCenterFilters; onChange: (next: MailCenterFilters) => void }) {
  const styles = useStyles();
  const { filters, onChange } = props;
  const [text, setText] = useState(filters.q);
  const [appliedText, setAppliedText] = useState(filters.q);
  // "Clear filters" or the back button change the search from outside: show what is applied.
  if (filters.q !== appliedText) {
    setAppliedText(filters.q);
    setText(filters.q);
  }

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className={styles.root} role="search" aria-label="Filter the Mail Center">
      <Field label="Search" className={styles.search}>
        <SearchBox value={text} onChange={(_, data) => setText(data.value)} placeholder="Subject, sender or text" />
      </Field>
      <Field label="State" className={styles.select}>
        <Dropdown
          value={STATE_LABELS[filters.state]}
          selectedOptions={[filters.state]}
          onOptionSelect={(_, data) => onChange({ ...filters, state: (data.optionValue as MailCenterState | 'all' | undefined) ?? 'open' })}
        >
          {Object.entries(STATE_LABELS).map(([value, label]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Reason" className={styles.select}>
        <Dropdown
          value={filters.reason ? REASON_LABELS[filters.reason] : 'Any reason'}
          selectedOptions={[filters.reason || ANY_REASON]}
          onOptionSelect={(_, data) => onChange({ ...filters, reason: data.optionValue === ANY_REASON ? '' : ((data.optionValue as MailCenterReason | undefined) ?? '') })}
        >
          <Option value={ANY_REASON}>Any reason</Option>
          {Object.entries(REASON_LABELS).map(([value, label]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}
