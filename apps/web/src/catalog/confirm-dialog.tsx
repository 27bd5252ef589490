import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/i18n-context';

/**
 * A modal confirmation on the native `<dialog>`: the browser traps focus, makes the page behind inert and
 * closes on Esc (the `cancel` event, which we turn into `onClose` so React state stays the truth). While
 * `busy`, Esc does nothing: a half-sent payment must not lose its dialog (and its key).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  confirmDisabled,
  danger = false,
  onConfirm,
  onClose,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  confirmDisabled?: boolean;
  /** The confirmation cannot be taken back online (e.g. blocking a SIM): drawn in the danger colour. */
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control, which in a fee confirmation is "Confirm": one stray Enter would
    // pay. Start on the title instead, so the reader hears what is asked and Enter does nothing.
    titleRef.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="confirm-dialog-body">
        <h2 id={titleId} ref={titleRef} className="confirm-dialog-title" tabIndex={-1}>
          {title}
        </h2>
        {children}
        <div className="confirm-dialog-actions">
          <button
            type="button"
            className={danger ? 'button button-danger' : 'button button-primary'}
            onClick={onConfirm}
            disabled={busy || confirmDisabled}
            data-testid="dialog-confirm"
          >
            {busy ? busyLabel : confirmLabel}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={onClose}
            disabled={busy}
            data-testid="dialog-cancel"
          >
            {t.actionsCommon.cancel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
