import { Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TAddinFiling, TAddinSuggestion } from '../../../../api/src/contract/addin';
import { PaneSection } from '../../components/pane-section';
import { resolveTarget } from '../suggestions/resolve-target';
import { SuggestionList, type SuggestionChoice } from '../suggestions/suggestion-list';
import { MoveDialog } from './move-dialog';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * For an email already filed: moving it is a correction, not the next step. So it hides behind a secondary button,
 * no other SR is chosen for the agent, and a dialog names both SRs before anything moves.
 */
export function MoveSection(props: {
  filings: TAddinFiling[];
  suggestions: TAddinSuggestion[];
  isBusy: boolean;
  onMove: (fromRequestId: number, toRequestId: number) => void;
}) {
  const styles = useStyles();
  const { filings, suggestions } = props;
  const [isOpen, setIsOpen] = useState(false);
  const [choice, setChoice] = useState<SuggestionChoice>({ value: '', otherRef: '' });
  const [fromId, setFromId] = useState<number | undefined>(undefined);
  const [isConfirming, setIsConfirming] = useState(false);
  const filedOn = filings.map((f) => f.requestId);
  const source = filings.find((f) => f.requestId === fromId) ?? filings[0];
  const { target, problem } = resolveTarget(choice, suggestions);
  const canMove =
    source !== undefined && target !== undefined && !filedOn.includes(target.requestId) && !props.isBusy;

  if (!isOpen || !source) {
    return (
      <Button appearance="secondary" disabled={props.isBusy} onClick={() => setIsOpen(true)}>
        Move to another SR…
      </Button>
    );
  }
  const handleMove = () => {
    setIsConfirming(false);
    setIsOpen(false);
    if (target) props.onMove(source.requestId, target.requestId);
  };
  return (
    <PaneSection title="Move it to another SR">
      <Caption1>
        Only when it was filed on the wrong SR: its note and attachments move, and both SRs’ histories record
        it.
      </Caption1>
      {filings.length > 1 && (
        <Field label="Move from">
          <Select value={String(source.requestId)} onChange={(_e, data) => setFromId(Number(data.value))}>
            {filings.map((f) => (
              <option key={f.requestId} value={String(f.requestId)}>
                {f.number}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <SuggestionList
        suggestions={suggestions}
        filedOn={filedOn}
        choice={choice}
        otherProblem={problem}
        onChange={setChoice}
      />
      <div className={styles.buttons}>
        <Button appearance="secondary" disabled={!canMove} onClick={() => setIsConfirming(true)}>
          {target ? `Move to ${target.number}…` : 'Move…'}
        </Button>
        <Button appearance="subtle" onClick={() => setIsOpen(false)}>
          Cancel
        </Button>
      </div>
      {isConfirming && target && (
        <MoveDialog
          from={source}
          to={{ ...target, title: suggestions.find((s) => s.requestId === target.requestId)?.title }}
          onMove={handleMove}
          onClose={() => setIsConfirming(false)}
        />
      )}
    </PaneSection>
  );
}
