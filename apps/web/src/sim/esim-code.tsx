import { useRef, useState } from 'react';
import type { Esim } from '../api/sim-types';
import { useT } from '../i18n/i18n-context';

/**
 * The server's QR SVG as an image: a data URL in an `<img>` never runs what the SVG might contain (no
 * scripts, no markup injected into the page), unlike inlining it.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** The activation code with a copy button, the QR code and the steps on the phone. */
export function EsimCode({ esim }: { esim: Esim }) {
  const t = useT();
  const e = t.sim.esim;
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(esim.activationCode);
      setCopied(true);
    } catch {
      // No clipboard (plain http, or refused): select the code so the subscriber can copy it by hand.
      input.current?.select();
    }
  }

  return (
    <div className="esim-code" data-testid="esim-issued">
      <img
        className="esim-qr"
        src={svgDataUrl(esim.qrSvg)}
        alt={e.qr}
        width={220}
        height={220}
        data-testid="esim-qr"
      />
      <div className="field">
        <label htmlFor="esim-activation-code">{e.code}</label>
        <div className="esim-code-row">
          <input
            id="esim-activation-code"
            ref={input}
            type="text"
            readOnly
            value={esim.activationCode}
            onFocus={(event) => event.target.select()}
            data-testid="esim-code"
          />
          <button type="button" className="button button-secondary" onClick={copy} data-testid="esim-copy">
            {copied ? e.copied : e.copy}
          </button>
        </div>
      </div>
      <ol className="esim-steps">
        {e.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
