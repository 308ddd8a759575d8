import { Checkbox, Combobox, Dropdown, Field, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { StatusOption } from '../../api/desk-api';
import type { AssigneeFilter, ListFilters } from './list-params';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  search: { minWidth: '260px', flexGrow: 1, maxWidth: '420px' },
  select: { minWidth: '200px' },
});

const ASSIGNEE_LABELS: Record<AssigneeFilter, string> = { anyone: 'Anyone', me: 'Assigned to me', unassigned: 'Unassigned' };
const SEARCH_DELAY_MS = 300;

export function RequestFilters(props: { filters: ListFilters; statuses: StatusOption[]; onChange: (next: ListFilters) => void }) {
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
    <div className={styles.root} role="search" aria-label="Filter service requests">
      <Field label="Search" className={styles.search}>
        <SearchBox value={text} onChange={(_, data) => setText(data.value)} placeholder="Number, title, requester or email" />
      </Field>
      <Field label="Status" className={styles.select}>
        <Combobox
          multiselect
          placeholder="Any status"
          value={filters.statuses.join(', ')}
          selectedOptions={filters.statuses}
          onOptionSelect={(_, data) => onChange({ ...filters, statuses: data.selectedOptions })}
        >
          {props.statuses.map((status) => (
            <Option key={status.name} value={status.name}>
              {status.name}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label="Assignee" className={styles.select}>
        <Dropdown
          value={ASSIGNEE_LABELS[filters.assignee]}
          selectedOptions={[filters.assignee]}
          onOptionSelect={(_, data) => onChange({ ...filters, assignee: (data.optionValue as AssigneeFilter | undefined) ?? 'anyone' })}
        >
          {Object.entries(ASSIGNEE_LABELS).map(([value, label]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        label="Has new email reply"
        checked={filters.hasNewEmailReply}
        onChange={(_, data) => onChange({ ...filters, hasNewEmailReply: data.checked === true })}
      />
    </div>
  );
}
