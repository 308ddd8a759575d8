import { describe, expect, it } from 'vitest';
import { caseLayout } from '../../../scripts/eval/layout.js';

// The evaluator labels each case's layout from where the expected words sit in the input, not from our output.

const QUOTE =
  'On Mon, 12 Feb 2024 at 10:15, Desk <support@contoso.com> wrote:\n> Which printer is it?\n> And which floor?';

describe('layout of a corpus case', () => {
  it('tells top, bottom and interleaved replies apart by where the expected text lies', () => {
    expect(caseLayout({ text: `The one on floor 3.\n\n${QUOTE}` }, 'The one on floor 3.')).toBe('top');
    expect(caseLayout({ text: `${QUOTE}\n\nThe one on floor 3.` }, 'The one on floor 3.')).toBe('bottom');
    const interleaved = 'Desk wrote:\n> Which printer is it?\nThe big one.\n> And which floor?\nFloor 3.';
    expect(caseLayout({ text: interleaved }, 'The big one.\n\nFloor 3.')).toBe('interleaved');
    expect(
      caseLayout({ text: interleaved }, '> Which printer is it?\nThe big one.\n> And which floor?\nFloor 3.'),
    ).toBe('interleaved');
  });

  it('knows forwards by the corpus note or the subject, and mail without history', () => {
    expect(
      caseLayout(
        { text: 'FYI\n\n---------- Forwarded message ---------\nFrom: a@b.c', subject: 'Fwd: printer' },
        'FYI',
      ),
    ).toBe('forward');
    expect(caseLayout({ text: 'x', notes: 'the quoted part is a FORWARDED message' }, '')).toBe('forward');
    expect(caseLayout({ text: 'Works now.\n' }, 'Works now.')).toBe('no-history');
    expect(caseLayout({ text: QUOTE }, '')).toBe('top');
    expect(caseLayout({ text: 'something else entirely' }, 'Works now.')).toBe('unplaced');
  });
});
