/** The numbers of ACCESS-07, in one place. */
export const PHONE_CONFIRM_POLICY = {
  /** The phone must answer within this many seconds (PRODUCT.md: "within 20 seconds"). */
  ttlSeconds: 20,
  /** A new prompt for a number no sooner than this after the previous one (answered or not). */
  cooldownSeconds: 20,
  /** Prompts per number per hour (one every 20 s would be 180: a prompt storm is an attack on the owner). */
  perNumberPerHour: 10,
  /** Prompts requested from one client address per hour. */
  perAddressPerHour: 30,
  /** After the answer window, a confirmed request can still be collected by its browser for this long. */
  collectGraceSeconds: 60,
  sender: 'Kabinet',
} as const;
