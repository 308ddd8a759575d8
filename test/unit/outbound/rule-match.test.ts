import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../api/src/domain/rule.js';
import { ruleMatches, ruleRecipients } from '../../../api/src/domain/rule-match.js';
import type { ServiceRequest } from '../../../api/src/domain/service-request.js';
import type { SrEvent } from '../../../api/src/domain/sr-event.js';

const rule = (trigger: Rule['trigger'], extra: Partial<Rule> = {}): Rule => ({
  id: 'r',
  name: 'r',
  enabled: true,
  trigger,
  templateId: 't',
  recipients: [{ kind: 'requester' }],
  createdAt: '',
  updatedAt: '',
  ...extra,
});
const event = (kind: SrEvent['kind'], details: Record<string, unknown> = {}): SrEvent => ({
  id: 'e',
  requestId: 1,
  kind,
  at: '',
  actor: { id: 'a', name: 'A' },
  details,
});

describe('which events a rule reacts to', () => {
  it('by kind, and for status changes by from and to (any case)', () => {
    expect(ruleMatches(rule({ kind: 'sr-created' }), event('sr-created'))).toBe(true);
    expect(ruleMatches(rule({ kind: 'sr-created' }), event('assigned', { to: 'x@contoso.test' }))).toBe(
      false,
    );
    const toResolved = rule({ kind: 'status-changed', to: 'Resolved' });
    expect(ruleMatches(toResolved, event('status-changed', { from: 'Open', to: 'resolved' }))).toBe(true);
    expect(ruleMatches(toResolved, event('status-changed', { from: 'Open', to: 'Closed' }))).toBe(false);
    const fromNew = rule({ kind: 'status-changed', from: 'New' });
    expect(ruleMatches(fromNew, event('status-changed', { from: 'New', to: 'Open' }))).toBe(true);
    expect(ruleMatches(fromNew, event('status-changed', { from: 'Open', to: 'New' }))).toBe(false);
    expect(
      ruleMatches(rule({ kind: 'status-changed' }), event('status-changed', { from: 'A', to: 'B' })),
    ).toBe(true);
  });

  it('only PUBLIC notes, and only assignments to someone', () => {
    expect(ruleMatches(rule({ kind: 'note-added' }), event('note-added', { typeCode: 'PUBLIC' }))).toBe(true);
    expect(ruleMatches(rule({ kind: 'note-added' }), event('note-added', { typeCode: 'INTERNAL' }))).toBe(
      false,
    );
    expect(
      ruleMatches(rule({ kind: 'assigned' }), event('assigned', { from: null, to: 'alex@contoso.test' })),
    ).toBe(true);
    expect(
      ruleMatches(rule({ kind: 'assigned' }), event('assigned', { from: 'alex@contoso.test', to: null })),
    ).toBe(false);
  });

  it('never when disabled, or when machine mail caused the change', () => {
    expect(ruleMatches(rule({ kind: 'sr-created' }, { enabled: false }), event('sr-created'))).toBe(false);
    for (const mailClass of ['auto-reply', 'bounce', 'own', 'loop', 'system']) {
      expect(
        ruleMatches(
          rule({ kind: 'status-changed' }),
          event('status-changed', { from: 'A', to: 'B', mailClass }),
        ),
      ).toBe(false);
    }
    expect(
      ruleMatches(
        rule({ kind: 'status-changed' }),
        event('status-changed', { from: 'A', to: 'B', mailClass: 'human' }),
      ),
    ).toBe(true);
  });
});

describe('whom a rule writes to', () => {
  const sr = {
    id: 1,
    requester: { name: 'Lee', email: 'lee@fabrikam.test' },
    participants: ['adele@fabrikam.test', 'lee@fabrikam.test'],
  } as ServiceRequest;

  it('each address once, in the order the rule lists them, skipping an absent assignee', () => {
    const recipients = ruleRecipients(
      rule(
        { kind: 'sr-created' },
        {
          recipients: [
            { kind: 'requester' },
            { kind: 'participants' },
            { kind: 'assignee' },
            { kind: 'address', address: 'Audit@Contoso.test' },
          ],
        },
      ),
      sr,
    );
    expect(recipients).toEqual([
      { name: 'Lee', address: 'lee@fabrikam.test' },
      { address: 'adele@fabrikam.test' },
      { address: 'audit@contoso.test' },
    ]);
    expect(
      ruleRecipients(rule({ kind: 'sr-created' }, { recipients: [{ kind: 'assignee' }] }), {
        ...sr,
        assignee: { name: 'Alex', email: 'alex@contoso.test' },
      }),
    ).toEqual([{ name: 'Alex', address: 'alex@contoso.test' }]);
  });
});
