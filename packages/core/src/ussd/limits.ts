/**
 * What one USSD screen may hold. The common gateway convention (and GSM 03.90 with the 7-bit alphabet) gives
 * 182 characters per screen; the `CON `/`END ` prefix is the gateway's, not the phone's, so it is not counted.
 */
export const USSD_MAX_CHARS = 182;

const ELLIPSIS = '…';

/**
 * Joins the lines of a screen and makes it fit: optional lines (a list's tail) are dropped from the end first,
 * then, as a last resort, the text is cut with an ellipsis. `footer` (e.g. "0 — меню") is always kept, because
 * a screen without its way back is worse than a shorter list.
 */
export function fitScreen(
  lines: readonly string[],
  options: { optional?: readonly string[]; footer?: string; limit?: number } = {},
): string {
  const limit = options.limit ?? USSD_MAX_CHARS;
  const tail = options.footer === undefined ? [] : [options.footer];
  const optional = [...(options.optional ?? [])];
  for (;;) {
    const text = [...lines, ...optional, ...tail].join('\n');
    if (text.length <= limit) return text;
    if (optional.length === 0) break;
    optional.pop();
  }
  const footer = tail.length > 0 ? `\n${tail[0]}` : '';
  const room = Math.max(0, limit - footer.length - ELLIPSIS.length);
  return `${lines.join('\n').slice(0, room).trimEnd()}${ELLIPSIS}${footer}`.slice(0, limit);
}
