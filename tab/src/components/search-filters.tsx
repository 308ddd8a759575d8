import { Field, fieldClassNames, makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
    // The filter fields after the search box.
    [`& > .${fieldClassNames.root} + .${fieldClassNames.root}`]: { minWidth: '200px' },
  },
  search: { minWidth: '260px', flexGrow: 1, maxWidth: '420px' },
});

/**
 * The filter bar above a list: a search box that searches as the user types (without a request per keystroke),
 * then the list's own filters. The applied search lives in the URL; `query` is it.
 */
export function SearchFilters(props: {
  label: string;
  placeholder: string;
  query: string;
  onSearch: (query: string) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { query, onSearch } = props;
  const [text, setText] = useState(query);
  const [appliedText, setAppliedText] = useState(query);
  // "Clear filters" or the back button change the search from outside: show what is applied.
  if (query !== appliedText) {
    setAppliedText(query);
    setText(query);
  }

  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query, onSearch]);

  return (
    <div className={styles.root} role="search" aria-label={props.label}>
      <Field label="Search" className={styles.search}>
        <SearchBox value={text} onChange={(_, data) => setText(data.value)} placeholder={props.placeholder} />
      </Field>
      {props.children}
    </div>
  );
}
