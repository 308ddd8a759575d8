import { measureScaling } from '../eval/scaling.js';

// `npm run bench -- --only=extract`: reply extraction time against body size, per body shape (the evaluator's
// size-scaling rows), on the thread that runs it: what one worker spends per email.
export function extractScaling(): Record<string, unknown> {
  return { figure: 'extract-scaling', rows: measureScaling() };
}
