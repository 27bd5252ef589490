import { DeliveryError } from '../errors.ts';
import { MoReassembly } from './mo-reassembly.ts';
import { type DeliveryReceipt, parseReceipt } from './receipt.ts';
import { concatUdh, encodeSms } from './segments.ts';
import { ESM_RECEIPT, ESM_UDHI, type Pdu, type SmppSession, SmppStatus, smpp } from './smpp-lib.ts';
import { parseSmppUrl, type SmppEndpoint } from './smpp-url.ts';
import { SendWindow } from './window.ts';

/** An SMS to send. `from` is an alphanumeric sender ("Kabinet"), a short number ("900") or an MSISDN. */
export interface OutgoingSms {
  from: string;
  to: string;
  text: string;
  /** Class 0 ("flash") message: shown at once, not stored (ACCESS-07 login prompts). */
  flash?: boolean;
}

/** A mobile-originated SMS (deliver_sm that is not a receipt), reassembled when it came in parts. */
export interface IncomingSms {
  from: string;
  to: string;
  text: string;
  receivedAt: Date;
}

export interface SmppClientOptions {
  /** `smpp://system_id:password@host:port`, or the parsed endpoint. */
  url: string | SmppEndpoint;
  /** Most submit_sm in flight without a response (default 10). */
  window?: number;
  /** enquire_link period (default 30 s); a link that does not answer within `responseTimeoutMs` is dropped. */
  enquireLinkMs?: number;
  /** How long to wait for a response PDU (default 10 s). */
  responseTimeoutMs?: number;
  /** Reconnect backoff: first delay, doubled per failure up to the max, with ±20 % jitter (default 250 ms … 30 s). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** How long a submit waits for a bound session before failing as transient (default 5 s). */
  bindWaitMs?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => void;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const TRANSIENT_STATUSES = new Set<number>([
  SmppStatus.RMSGQFUL,
  SmppStatus.RTHROTTLED,
  SmppStatus.RX_T_APPN,
  SmppStatus.RSYSERR,
]);

/**
 * An ESME over SMPP 3.4: one transceiver session (`bind_transceiver`, interface_version 0x34), kept alive with
 * enquire_link and re-bound with exponential backoff when it drops. `submit` encodes (GSM 03.38 or UCS-2),
 * splits long texts with a concatenation UDH and keeps at most `window` submit_sm unacknowledged. Receipts and
 * mobile-originated messages arrive through `onReceipt` and `onIncoming`.
 */
export class SmppClient {
  private readonly endpoint: SmppEndpoint;
  private readonly window: SendWindow;
  private session: SmppSession | undefined;
  private bound = false;
  private corked = false;
  private stopped = true;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private enquireTimer: NodeJS.Timeout | undefined;
  private bindWaiters = new Set<Waiter>();
  /** Requests on the wire for the current session; rejected as "outcome unknown" if the session is lost. */
  private inFlight = new Set<(err: Error) => void>();
  private reference = Math.floor(Math.random() * 256);
  private readonly receiptListeners = new Set<(receipt: DeliveryReceipt) => void>();
  private readonly incomingListeners = new Set<(sms: IncomingSms) => void>();
  private readonly moParts = new MoReassembly();
  private readonly opts: Required<Omit<SmppClientOptions, 'url' | 'log'>> & Pick<SmppClientOptions, 'log'>;

  constructor(options: SmppClientOptions) {
    this.endpoint = typeof options.url === 'string' ? parseSmppUrl(options.url) : options.url;
    this.opts = {
      window: options.window ?? 10,
      enquireLinkMs: options.enquireLinkMs ?? 30_000,
      responseTimeoutMs: options.responseTimeoutMs ?? 10_000,
      reconnectInitialMs: options.reconnectInitialMs ?? 250,
      reconnectMaxMs: options.reconnectMaxMs ?? 30_000,
      bindWaitMs: options.bindWaitMs ?? 5_000,
      log: options.log,
    };
    this.window = new SendWindow(this.opts.window);
  }

  /** Whether a bound session is up right now. */
  get isBound(): boolean {
    return this.bound;
  }

  /** Connects and binds; later drops are repaired in the background. Idempotent. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Unbinds politely (1 s at most), closes the link and fails anything still waiting. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.enquireTimer);
    for (const w of this.bindWaiters) {
      clearTimeout(w.timer);
      w.reject(new DeliveryError('transient', 'SMPP client stopped'));
    }
    this.bindWaiters.clear();
    const session = this.session;
    if (!session) return;
    if (this.bound) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        session.send(new smpp.PDU('unbind'), () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await new Promise<void>((resolve) => {
      if (session.socket.destroyed) return resolve();
      session.socket.once('close', () => resolve());
      session.destroy();
    });
  }

  onReceipt(listener: (receipt: DeliveryReceipt) => void): () => void {
    this.receiptListeners.add(listener);
    return () => this.receiptListeners.delete(listener);
  }

  onIncoming(listener: (sms: IncomingSms) => void): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  /**
   * Submits one SMS (one submit_sm per part) and resolves with the centre's message id of each part. Rejects with
   * a `DeliveryError`: `transient` when nothing was sent, `permanent` when the centre refused, `unknown` when the
   * link died (or stayed silent) after a part left — the centre may have accepted it.
   */
  async submit(sms: OutgoingSms): Promise<string[]> {
    if (this.stopped) this.start();
    const { dataCoding, parts } = encodeSms(sms.text, { flash: sms.flash ?? false });
    const reference = parts.length > 1 ? this.nextReference() : 0;
    const ids: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const payload = parts[i] as Buffer;
      const shortMessage =
        parts.length > 1 ? Buffer.concat([concatUdh(reference, parts.length, i + 1), payload]) : payload;
      const fields = {
        ...address('source', sms.from),
        ...address('dest', sms.to),
        esm_class: parts.length > 1 ? ESM_UDHI : 0,
        data_coding: dataCoding,
        registered_delivery: 1,
        short_message: shortMessage,
      };
      try {
        ids.push(await this.submitPart(fields));
      } catch (err) {
        // Earlier parts already left: for the outbox this message is partly sent, i.e. its outcome is unknown.
        if (i > 0 && err instanceof DeliveryError && err.kind === 'transient') {
          throw new DeliveryError(
            'unknown',
            `part ${i + 1}/${parts.length} not sent: ${err.message}`,
            err.status,
          );
        }
        throw err;
      }
    }
    return ids;
  }

  private nextReference(): number {
    this.reference = (this.reference + 1) & 0xff;
    return this.reference;
  }

  private async submitPart(fields: Record<string, unknown>): Promise<string> {
    for (;;) {
      await this.waitBound();
      await this.window.acquire();
      const session = this.session;
      if (!this.bound || !session) {
        this.window.release();
        continue;
      }
      return new Promise<string>((resolve, reject) => {
        let settled = false;
        const finish = (err: Error | undefined, id?: string) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          this.inFlight.delete(onLost);
          this.window.release();
          if (err) reject(err);
          else resolve(id as string);
        };
        const onLost = (err: Error) => finish(err);
        const timer = setTimeout(
          () => finish(new DeliveryError('unknown', 'no submit_sm_resp in time')),
          this.opts.responseTimeoutMs,
        );
        this.inFlight.add(onLost);
        this.cork(session);
        const written = session.send(new smpp.PDU('submit_sm', fields), (resp: Pdu) => {
          if (resp.command_status === SmppStatus.OK) return finish(undefined, String(resp.message_id ?? ''));
          const status = resp.command_status;
          const kind = TRANSIENT_STATUSES.has(status) ? 'transient' : 'permanent';
          finish(new DeliveryError(kind, `submit_sm refused: status 0x${status.toString(16)}`, status));
        });
        if (!written) finish(new DeliveryError('transient', 'SMPP link not writable'));
      });
    }
  }

  /** Coalesces the PDUs written in one tick into one socket write (a window of submits → one syscall). */
  private cork(session: SmppSession): void {
    if (this.corked) return;
    this.corked = true;
    session.socket.cork();
    process.nextTick(() => {
      this.corked = false;
      session.socket.uncork();
    });
  }

  private waitBound(): Promise<void> {
    if (this.bound) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          clearTimeout(waiter.timer);
          this.bindWaiters.delete(waiter);
          resolve();
        },
        reject,
        timer: setTimeout(() => {
          this.bindWaiters.delete(waiter);
          reject(new DeliveryError('transient', 'SMS centre not connected'));
        }, this.opts.bindWaitMs),
      };
      this.bindWaiters.add(waiter);
    });
  }

  private connect(): void {
    if (this.stopped) return;
    const { host, port, tls } = this.endpoint;
    const session = smpp.connect({ host, port, tls });
    this.session = session;
    session.on(tls ? 'secureConnect' : 'connect', () => this.bind(session));
    session.on('error', (err: Error) => this.log('warn', 'SMPP link error', { error: err.message }));
    session.on('close', () => this.onClosed(session));
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('deliver_sm', (pdu: Pdu) => {
      session.send(pdu.response());
      this.onDeliver(pdu);
    });
  }

  private bind(session: SmppSession): void {
    session.send(
      new smpp.PDU('bind_transceiver', {
        system_id: this.endpoint.systemId,
        password: this.endpoint.password,
        system_type: this.endpoint.systemType,
        // SMPP 3.4: the library's default (0x50) makes 3.4 centres reject the bind or misread TLVs.
        interface_version: 0x34,
      }),
      (resp: Pdu) => {
        if (resp.command_status !== SmppStatus.OK) {
          this.log('error', 'SMPP bind refused', { status: resp.command_status });
          session.destroy();
          return;
        }
        this.bound = true;
        this.failures = 0;
        this.log('info', 'SMPP bound', { host: this.endpoint.host, port: this.endpoint.port });
        this.keepAlive(session);
        for (const w of [...this.bindWaiters]) w.resolve();
      },
    );
  }

  private keepAlive(session: SmppSession): void {
    clearInterval(this.enquireTimer);
    this.enquireTimer = setInterval(() => {
      const timer = setTimeout(() => {
        this.log('warn', 'SMPP enquire_link unanswered: dropping the link');
        session.destroy();
      }, this.opts.responseTimeoutMs);
      if (!session.send(new smpp.PDU('enquire_link'), () => clearTimeout(timer))) clearTimeout(timer);
    }, this.opts.enquireLinkMs);
    this.enquireTimer.unref();
  }

  private onClosed(session: SmppSession): void {
    if (session !== this.session) return;
    const wasBound = this.bound;
    this.bound = false;
    this.session = undefined;
    clearInterval(this.enquireTimer);
    for (const lost of [...this.inFlight])
      lost(new DeliveryError('unknown', 'SMPP link lost before submit_sm_resp'));
    this.inFlight.clear();
    if (this.stopped) return;
    const delay = Math.min(this.opts.reconnectMaxMs, this.opts.reconnectInitialMs * 2 ** this.failures);
    this.failures++;
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    if (wasBound) this.log('warn', 'SMPP link lost, reconnecting', { inMs: jittered });
    this.reconnectTimer = setTimeout(() => this.connect(), jittered);
    this.reconnectTimer.unref();
  }

  private onDeliver(pdu: Pdu): void {
    const sm = pdu.short_message;
    const message = sm && typeof sm === 'object' && !Buffer.isBuffer(sm) ? sm : { message: sm ?? '' };
    const text =
      typeof message.message === 'string' ? message.message : Buffer.from(message.message).toString('latin1');
    if (((pdu.esm_class ?? 0) & 0x3c) === ESM_RECEIPT) {
      const receipt = parseReceipt({
        text,
        receiptedMessageId: pdu.receipted_message_id,
        messageState: pdu.message_state,
      });
      if (!receipt) {
        this.log('warn', 'unreadable delivery receipt');
        return;
      }
      for (const listener of this.receiptListeners) listener(receipt);
      return;
    }
    const from = msisdn(pdu.source_addr ?? '', (pdu as Pdu & { source_addr_ton?: number }).source_addr_ton);
    const to = pdu.destination_addr ?? '';
    const concat = message.udh?.find((ie) => ie[0] === 0x00 && ie[1] === 3);
    if (!concat) {
      this.emitIncoming({ from, to, text, receivedAt: new Date() });
      return;
    }
    const full = this.moParts.add({
      from,
      to,
      reference: concat[2] as number,
      total: concat[3] as number,
      sequence: concat[4] as number,
      text,
    });
    if (full === undefined) return;
    this.emitIncoming({ from, to, text: full, receivedAt: new Date() });
  }

  private emitIncoming(sms: IncomingSms): void {
    for (const listener of this.incomingListeners) listener(sms);
  }

  private log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void {
    this.opts.log?.(level, message, data);
  }
}

/** TON/NPI for an address: `+7…` international E.164, digits a national/short number, else alphanumeric. */
function address(prefix: 'source' | 'dest', value: string): Record<string, unknown> {
  const key = prefix === 'source' ? 'source_addr' : 'destination_addr';
  if (/^\+\d+$/.test(value))
    return { [key]: value.slice(1), [`${prefix}_addr_ton`]: 1, [`${prefix}_addr_npi`]: 1 };
  if (/^\d+$/.test(value)) return { [key]: value, [`${prefix}_addr_ton`]: 0, [`${prefix}_addr_npi`]: 1 };
  return { [key]: value.slice(0, 11), [`${prefix}_addr_ton`]: 5, [`${prefix}_addr_npi`]: 0 };
}

function msisdn(addr: string, ton: number | undefined): string {
  return ton === 1 && /^\d+$/.test(addr) ? `+${addr}` : addr;
}
