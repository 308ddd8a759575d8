import { AppError } from '../../domain/app-error.js';
import { formatSrNumber } from '../../domain/service-request.js';

/** The one refusal every add-in action gives when the email is already where it would put it: 409, saying where. */
export function alreadyFiled(requestId: number, noteId: string): AppError {
  const number = formatSrNumber(requestId);
  return new AppError('conflict', `This email is already on ${number}.`, { requestId, number, noteId });
}
