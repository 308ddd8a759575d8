import { Combobox, Field, Option, OptionGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { useDesk } from '../../session/desk-context';

const SEARCH_DELAY_MS = 300;
const MAX_SUGGESTIONS = 5;

/**
 * Chooses the SR to link an email to: the SRs the evidence points at first, then SRs found by number,
 * title or requester as the agent types. A typed number (SR-000123 or 123) is accepted as it is.
 */
export function SrPicker(props: {
  candidateIds: number[];
  value: string;
  onChange: (ref: string) => void;
  disabled?: boolean;
}) {
  const { api } = useDesk();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<TServiceRequest[]>([]);
  const [results, setResults] = useState<TServiceRequest[]>([]);
  const candidateKey = props.candidateIds.slice(0, MAX_SUGGESTIONS).join(',');

  useEffect(() => {
    if (!candidateKey) return;
    const controller = new AbortController();
    // An SR that was deleted since simply is not suggested.
    Promise.all(
      candidateKey.split(',').map((id) => api.getRequest(id, controller.signal).catch(() => undefined)),
    )
      .then(
        (found) =>
          !controller.signal.aborted &&
          setSuggestions(found.filter((sr): sr is TServiceRequest => sr !== undefined)),
      )
      .catch(() => undefined);
    return () => controller.abort();
  }, [api, candidateKey]);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .listRequests({ q, limit: 10 }, controller.signal)
        .then((page) => !controller.signal.aborted && setResults(page.items))
        .catch(() => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, text]);

  const others = results.filter((sr) => !suggestions.some((s) => s.id === sr.id));

  return (
    <Field
      label="Service request"
      hint="Suggestions come from the email's evidence; type a number, title or requester to search."
    >
      <Combobox
        freeform
        placeholder="SR-000123"
        disabled={props.disabled}
        value={text}
        selectedOptions={props.value ? [props.value] : []}
        onChange={(event) => {
          setText(event.target.value);
          props.onChange(event.target.value.trim());
        }}
        onOptionSelect={(_, data) => {
          setText(data.optionText ?? '');
          props.onChange(data.optionValue ?? '');
        }}
      >
        <RequestGroup label="Suggested" requests={suggestions} />
        <RequestGroup label="Search results" requests={others} />
      </Combobox>
    </Field>
  );
}

const optionText = (sr: TServiceRequest) => `${sr.number} · ${sr.title}`;

function RequestGroup(props: { label: string; requests: TServiceRequest[] }) {
  if (props.requests.length === 0) return null;
  return (
    <OptionGroup label={props.label}>
      {props.requests.map((sr) => (
        <Option key={sr.id} value={sr.number} text={optionText(sr)}>
          {optionText(sr)}
        </Option>
      ))}
    </OptionGroup>
  );
}
