import { AppError } from '../http/problem.ts';

/** Problems of option and subscription changes, with stable codes (docs/api/plans-and-services.md). */
export const optionProblems = {
  alreadyConnected: () => new AppError(409, 'already_connected', 'This option is already connected.'),
  notConnected: (what = 'This option is') => new AppError(409, 'not_connected', `${what} not connected.`),
  /** 409: SVC-08, the melody asked for already plays. */
  alreadyChosen: () => new AppError(409, 'already_chosen', 'This melody is already chosen.'),
  /** 409 with the reason: the tariffs it needs or the options it clashes with. */
  incompatible: (incompatibility: Record<string, unknown>) =>
    new AppError(409, 'incompatible', 'This option cannot be connected with the current tariff or options.', {
      incompatibility,
    }),
};
