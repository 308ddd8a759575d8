import { Checkbox, Combobox, Field, Option } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { StatusOption } from '../../api/desk-api';
import { DropdownField } from '../../components/dropdown-field';
import { SearchFilters } from '../../components/search-filters';
import type { AssigneeFilter, ListFilters } from './list-params';

const ASSIGNEE_LABELS: Record<AssigneeFilter, string> = { anyone: 'Anyone', me: 'Assigned to me', unassigned: 'Unassigned' };

export function RequestFilters(props: { filters: ListFilters; statuses: StatusOption[]; onChange: (next: ListFilters) => void }) {
  const { filters, onChange } = props;
  const handleSearch = useCallback((q: string) => onChange({ ...filters, q }), [filters, onChange]);
  return (
    <SearchFilters label="Filter service requests" placeholder="Number, title, requester or email" query={filters.q} onSearch={handleSearch}>
      <Field label="Status">
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
      <DropdownField label="Assignee" options={ASSIGNEE_LABELS} value={filters.assignee} onChange={(assignee) => onChange({ ...filters, assignee })} />
      <Checkbox
        label="Has new email reply"
        checked={filters.hasNewEmailReply}
        onChange={(_, data) => onChange({ ...filters, hasNewEmailReply: data.checked === true })}
      />
    </SearchFilters>
  );
}
