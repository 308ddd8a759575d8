import type { TAddinSuggestion } from '../../../../api/src/contract/addin';
import { formatSrNumber, parseSrRef } from '../../components/format';
import { OTHER, type SuggestionChoice } from './suggestion-list';

export type Target = { requestId: number; number: string };

/** The SR the agent chose: a suggestion, or a number typed under "Another SR". */
export function resolveTarget(
  choice: SuggestionChoice,
  suggestions: readonly TAddinSuggestion[],
): { target?: Target; problem?: string } {
  if (choice.value === OTHER) {
    if (!choice.otherRef.trim()) return {};
    const requestId = parseSrRef(choice.otherRef);
    return requestId
      ? { target: { requestId, number: formatSrNumber(requestId) } }
      : { problem: 'Type an SR number such as SR-000123 or 123.' };
  }
  const picked = suggestions.find((s) => String(s.requestId) === choice.value);
  return picked ? { target: { requestId: picked.requestId, number: picked.number } } : {};
}

/** The first suggestion the email is not already filed on, else "Another SR". */
export function defaultChoice(
  suggestions: readonly TAddinSuggestion[],
  filedOn: readonly number[],
): SuggestionChoice {
  const first = suggestions.find((s) => !filedOn.includes(s.requestId));
  return { value: first ? String(first.requestId) : OTHER, otherRef: '' };
}
