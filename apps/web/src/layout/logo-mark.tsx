/** The brand mark: a rounded square with a signal arc. Decorative; the name next to it is the label. */
export function LogoMark() {
  return (
    <svg
      className="logo-mark"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="9" fill="currentColor" />
      <path d="M10 22a6 6 0 0 1 12 0M6 22a10 10 0 0 1 20 0" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="16" cy="22" r="2" fill="#fff" />
    </svg>
  );
}
