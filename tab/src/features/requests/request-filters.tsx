import { Checkbox, Combobox, Field, Option } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { StatusOption } from '../../api/desk-api';
import { DropdownField } from '../../components/dropdown-field';
import { SearchFilters } from '../../components/search-filters';
import { PAGE_SIZES, type AssigneeFilter, type ListFilters, type ListView } from './list-params';

const ASSIGNEE_LABELS: Record<AssigneeFilter, string> = {
  anyone: 'Anyone',
  me: 'Assigned to me',
  unassigned: 'Unassigned',
};
const VIEW_LABELS: Record<ListView, string> = { open: 'Open SRs', all: 'All SRs, closed too' };
const SIZE_LABELS = Object.fromEntries(PAGE_SIZES.map((size) => [String(size), `${size} rows`])) as Record<
  string,
  string
>;

export function RequestFilters(props: {
  filters: ListFilters;
  statuses: StatusOption[];
  onChange: (next: ListFilters) => void;
}) {
  const { filters, onChange } = props;
  const handleSearch = useCallback((q: string) => onChange({ ...filters, q }), [filters, onChange]);
  return (
    <SearchFilters
      label="Filter service requests"
      placeholder="Number, title, requester or email"
      query={filters.q}
      onSearch={handleSearch}
    >
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
      <DropdownField
        label="Show"
        options={VIEW_LABELS}
        value={filters.view}
        onChange={(view) => onChange({ ...filters, view })}
      />
      <DropdownField
        label="Assignee"
        options={ASSIGNEE_LABELS}
        value={filters.assignee}
        onChange={(assignee) => onChange({ ...filters, assignee })}
      />
      <DropdownField
        label="Page size"
        options={SIZE_LABELS}
        value={String(filters.pageSize)}
        onChange={(size) => onChange({ ...filters, pageSize: Number(size) })}
      />
      <Checkbox
        label="Has new email reply"
        checked={filters.hasNewEmailReply}
        onChange={(_, data) => onChange({ ...filters, hasNewEmailReply: data.checked === true })}
      />
    </SearchFilters>
  );
}
