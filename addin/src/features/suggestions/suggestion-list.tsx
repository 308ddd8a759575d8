import {
  Badge,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { TAddinSuggestion } from '../../../../api/src/contract/addin';

const useStyles = makeStyles({
  option: { alignItems: 'flex-start' },
  label: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: '2px' },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  // A label may only hold phrasing content, so the reasons are block-styled spans rather than a list.
  reason: { display: 'block', color: tokens.colorNeutralForeground2, '::before': { content: '"• "' } },
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
      {props.suggestions.length === 0 && (
        <Caption1>
          No SR matches this email&apos;s sender, subject or headers. Type an SR number below.
        </Caption1>
      )}
      <RadioGroup
        aria-label="Service Request"
        value={choice.value}
        onChange={(_e, data) => props.onChange({ ...choice, value: data.value })}
      >
        {props.suggestions.map((s) => (
          // The wrapper names the SR for tests and tools; the radio itself stays a plain input with its label.
          <div key={s.requestId} data-suggestion={s.number}>
            <Radio
              className={styles.option}
              value={String(s.requestId)}
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
                  {s.reasons.map((r) => (
                    <Caption1 key={r.code} className={styles.reason}>
                      {r.text}
                    </Caption1>
                  ))}
                </span>
              }
            />
          </div>
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
          <Input
            value={choice.otherRef}
            placeholder="SR-000123"
            onChange={(_e, data) => props.onChange({ ...choice, otherRef: data.value })}
          />
        </Field>
      )}
    </>
  );
}
