import { useCallback } from 'react';
import { DropdownField } from '../../components/dropdown-field';
import { SearchFilters } from '../../components/search-filters';
import type { MailCenterFilters } from './mail-center-filters';
import { REASON_LABELS, STATE_LABELS } from './mail-center-labels';

const ANY_REASON = 'any';
const REASON_OPTIONS = { [ANY_REASON]: 'Any reason', ...REASON_LABELS };

export function MailCenterToolbar(props: {
  filters: MailCenterFilters;
  onChange: (next: MailCenterFilters) => void;
}) {
  const { filters, onChange } = props;
  const handleSearch = useCallback((q: string) => onChange({ ...filters, q }), [filters, onChange]);
  return (
    <SearchFilters
      label="Filter the Mail Center"
      placeholder="Subject, sender or text"
      query={filters.q}
      onSearch={handleSearch}
    >
      <DropdownField
        label="State"
        options={STATE_LABELS}
        value={filters.state}
        onChange={(state) => onChange({ ...filters, state })}
      />
      <DropdownField
        label="Reason"
        options={REASON_OPTIONS}
        value={filters.reason || ANY_REASON}
        onChange={(reason) => onChange({ ...filters, reason: reason === ANY_REASON ? '' : reason })}
      />
    </SearchFilters>
  );
}
