import { Card, Field, Input, makeStyles, Subtitle2, Text } from '@fluentui/react-components';
import type { TSettings } from '../../../../../api/src/contract/settings';
import { ApiError } from '../../../api/client';
import { useSectionStyles } from './section-styles';

// The explanation reads in one or two lines beside a number that needs only a few characters.
const useStyles = makeStyles({ field: { maxWidth: '640px' }, input: { width: '160px' } });

type Limits = NonNullable<TSettings['rateLimits']>;
type LimitName = keyof Limits;

const FIELDS: { name: LimitName; label: string; hint: string }[] = [
  {
    name: 'inboundPerSenderPerHour',
    label: 'Emails from one sender per hour',
    hint: 'More than this from one address within an hour is held in the Mail Center as a mail loop.',
  },
  {
    name: 'rulePerRecipientPerHour',
    label: 'Automatic emails to one address per hour',
    hint: 'Rules leave an address out once it got this many automatic emails in the last hour, across SRs.',
  },
  {
    name: 'rulePerSrPerHour',
    label: 'Automatic emails about one SR per hour',
    hint: "Rules stop emailing about an SR after this many in the last hour; the SR's history says so.",
  },
];

/**
 * The loop guards: what stops the desk and another system (an auto-responder, a ticket tool) from mailing each other
 * forever. An empty field follows the installation's default; the API checks the numbers and says what is wrong.
 */
export function RateLimitsEditor(props: {
  settings: TSettings;
  error: Error | undefined;
  onChange: (next: TSettings) => void;
}) {
  const styles = useSectionStyles();
  const own = useStyles();
  const { settings, onChange } = props;
  const set = settings.rateLimits ?? {};
  const problems = props.error instanceof ApiError ? props.error.fieldProblems : [];

  // Built in the fields' order, and left out when empty, so an untouched form compares equal to what was saved.
  const handleChange = (name: LimitName, text: string) => {
    const next: Limits = {};
    for (const { name: key } of FIELDS) {
      const value = key === name ? (text.trim() === '' ? undefined : Number(text)) : set[key];
      if (value !== undefined) next[key] = value;
    }
    const { rateLimits: _previous, ...rest } = settings;
    onChange(Object.keys(next).length > 0 ? { ...rest, rateLimits: next } : rest);
  };

  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2">Rate limits</Subtitle2>
      <Text className={styles.muted}>
        Hourly limits that stop mail loops. Emails agents send themselves are never stopped, but they count
        towards the limits.
      </Text>
      {FIELDS.map((field) => {
        const fallback = settings.rateLimitDefaults?.[field.name];
        const problem = problems.find((p) => p.path === `rateLimits.${field.name}`)?.message;
        return (
          <Field
            key={field.name}
            className={own.field}
            label={field.label}
            hint={`${field.hint}${fallback === undefined ? '' : ` Leave empty for this installation's default, ${fallback}.`}`}
            validationMessage={problem}
          >
            <Input
              className={own.input}
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={set[field.name] === undefined ? '' : String(set[field.name])}
              placeholder={fallback === undefined ? undefined : `${fallback} (default)`}
              onChange={(_, data) => handleChange(field.name, data.value)}
            />
          </Field>
        );
      })}
    </Card>
  );
}
