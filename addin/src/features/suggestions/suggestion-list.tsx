import { Badge, Caption1, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import type { TAddinSuggestion } from '../../../../api/src/contract/addin';

const useStyles = makeStyles({
  option: { alignItems: 'flex-start' },
  label: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: '2px' },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  other: { marginLeft: tokens.spacingHorizontalXXL },
});

export const OTHER = 'other';

export type SuggestionChoice = { value: string; otherRef: string };

/** SRs ranked by the evidence, each with the reasons in words; "Another SR" takes a number typed by hand. */
export function SuggestionList(props: {
  suggestions: TAddinSuggestion[];
  filedOn: number[];
  choice: SuggestionChoice;
  otherProblem?: string | undefined;
  onChange: (choice: SuggestionChoice) => void;
}) {
  const styles = useStyles();
  const { choice } = props;
  return (
    <>
      {props.suggestions.length === 0 && <Caption1>No SR matches this email&apos;s sender, subject or headers. Type an SR number below.</Caption1>}
      <RadioGroup aria-label="Service Request" value={choice.value} onChange={(_e, data) => props.onChange({ ...choice, value: data.value })}>
        {props.suggestions.map((s) => (
          <Radio
            key={s.requestId}
            className={styles.option}
            value={String(s.requestId)}
            data-suggestion={s.number}
            label={
              <span className={styles.label}>
                <Text className={styles.title}>
                  {s.number} · {s.title}
                </Text>
                <span className={styles.badges}>
                  <Badge appearance="tint" color={s.isClosed ? 'subtle' : 'brand'}>
                    {s.status}
                  </Badge>
                  {props.filedOn.includes(s.requestId) && (
                    <Badge appearance="filled" color="success">
                      Filed here
                    </Badge>
                  )}
                </span>
                <ul className={styles.reasons}>
                  {s.reasons.map((r) => (
                    <li key={r.code}>
                      <Caption1>{r.text}</Caption1>
                    </li>
                  ))}
                </ul>
              </span>
            }
          />
        ))}
        <Radio value={OTHER} label="Another SR" />
      </RadioGroup>
      {choice.value === OTHER && (
        <Field
          className={styles.other}
          label="SR number"
          validationState={props.otherProblem ? 'error' : 'none'}
          validationMessage={props.otherProblem}
        >
          <Input value={choice.otherRef} placeholder="SR-000123" onChange={(_e, data) => props.onChange({ ...choice, otherRef: data.value })} />
        </Field>
      )}
    </>
  );
}
