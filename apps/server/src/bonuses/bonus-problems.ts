import { AppError, problems } from '../http/problem.ts';

/** Problems of BONUS-01/02 with stable codes (docs/bonuses.md). */
export const bonusProblems = {
  /** 409: the points balance does not cover the reward; `missingPoints` says by how much. */
  notEnoughPoints: (missingPoints: number) =>
    new AppError(409, 'not_enough_points', `Not enough points: ${missingPoints} more are needed.`, {
      missingPoints,
    }),
  /** 404 naming `reward`: no such reward, or it is no longer offered. */
  rewardUnavailable: () =>
    new AppError(404, 'reward_unavailable', 'No such reward on offer.', {}, [
      { field: 'reward', code: 'reward_unavailable', message: 'No such reward on offer.' },
    ]),
  /** 409: the partner's pool of coupon codes is empty. */
  outOfStock: () =>
    new AppError(409, 'reward_out_of_stock', 'This partner reward has run out; choose another one.'),
  /** 400 naming `phone`: not a phone number. */
  invalidPhone: () =>
    problems.field('phone', 'invalid_phone', 'Enter a phone number, e.g. +7 900 123-45-67.'),
  /** 404 naming `phone`: not a number of ours. */
  unknownNumber: () =>
    new AppError(404, 'unknown_number', 'This is not a number of our network.', {}, [
      { field: 'phone', code: 'unknown_number', message: 'This is not a number of our network.' },
    ]),
  /** 400 naming `phone`: a partner code is shown to whoever takes it, so it is not sent to another number. */
  couponNotGiftable: () =>
    problems.field(
      'phone',
      'coupon_not_giftable',
      'A partner code is shown to you only; take it for your own number and pass it on yourself.',
    ),
  /** 409 naming `phone`: the line cannot take this reward (closed, or a package on a home-service line). */
  lineNotEligible: () =>
    new AppError(409, 'line_not_eligible', 'This number cannot receive this reward.', {}, [
      { field: 'phone', code: 'line_not_eligible', message: 'This number cannot receive this reward.' },
    ]),
};
