/** "a@x.com, b@y.com; c@z.com" -> three addresses; the API validates each one. */
export const splitEmails = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
