import type { AddressInfo } from 'node:net';
import { type ReceiptState, receiptStat } from '../sms/receipt.ts';
import { concatUdh, encodeSms, parseUdh } from '../sms/segments.ts';
import {
  ESM_RECEIPT,
  ESM_UDHI,
  type Pdu,
  type SmppServer,
  type SmppSession,
  SmppStatus,
  smpp,
} from '../sms/smpp-lib.ts';

/** One submit_sm the test centre accepted. */
export interface ReceivedPart {
  messageId: string;
  from: string;
  to: string;
  dataCoding: number;
  esmClass: number;
  /** Text of this part as the `smpp` library decodes it (an independent decoder of GSM 03.38 / UCS-2). */
  text: string;
  concat?: { reference: number; total: number; sequence: number };
}

/** A whole message: its parts reassembled by (from, to, reference). */
export interface ReceivedSms {
  from: string;
  to: string;
  text: string;
  dataCoding: number;
  parts: ReceivedPart[];
}

export interface TestSmscOptions {
  systemId?: string;
  password?: string;
  /** Send a DELIVRD receipt for each accepted part after this many ms (default 5; `false`: never). */
  receiptAfterMs?: number | false;
  port?: number;
}

/**
 * An SMS centre for tests on loopback, built on `smpp.createServer`: checks the bind (credentials, interface
 * version), answers enquire_link, accepts submit_sm with a message id and a delivery receipt, and can go down
 * and come back on the same port, answer with an error status, or send a mobile-originated SMS.
 *
 * A message counts as accepted when its submit_sm_resp has been written — like a centre that commits before it
 * answers. `down()` stops accepting at once and closes links after flushing answers already given; receipts not
 * yet sent are kept and handed over after the next bind.
 */
export class TestSmsc {
  readonly parts: ReceivedPart[] = [];
  /** interface_version of each bind, in order. */
  readonly binds: number[] = [];
  /** Answer submit_sm with this status instead of accepting (e.g. ESME_RTHROTTLED). */
  refuseWith: number | undefined;
  /** Swallow submit_sm without accepting or answering (a hung centre: the ESME's response timeout fires). */
  silent = false;
  /** submit_sm swallowed while `silent`. */
  swallowed = 0;
  /** Called after each accepted part (tests change the centre's behaviour mid-message with it). */
  afterAccept: ((part: ReceivedPart) => void) | undefined;
  enquireLinks = 0;
  private server: SmppServer | undefined;
  private accepting = false;
  private nextId = 1;
  private readonly systemId: string;
  private readonly password: string;
  private readonly receiptAfterMs: number | false;
  private portNumber: number;
  private readonly sessions = new Set<SmppSession>();
  private onAccepted: (() => void) | undefined;
  /** Receipts not yet handed over: like a real centre, they wait for a bound ESME (also across an outage). */
  private readonly heldReceipts: string[] = [];
  private readonly boundSessions = new Set<SmppSession>();

  constructor(options: TestSmscOptions = {}) {
    this.systemId = options.systemId ?? 'kabinet';
    this.password = options.password ?? 'secret';
    this.receiptAfterMs = options.receiptAfterMs ?? 5;
    this.portNumber = options.port ?? 0;
  }

  /** Starts a centre on 127.0.0.1 (a free port unless given). */
  static async start(options: TestSmscOptions = {}): Promise<TestSmsc> {
    const smsc = new TestSmsc(options);
    await smsc.up();
    return smsc;
  }

  get port(): number {
    return this.portNumber;
  }

  /** `smpp://system_id:password@127.0.0.1:port` for SMPP_URL. */
  get url(): string {
    return `smpp://${this.systemId}:${this.password}@127.0.0.1:${this.portNumber}`;
  }

  /** Every accepted message, parts reassembled (a message missing parts is left out). */
  messages(): ReceivedSms[] {
    const out: ReceivedSms[] = [];
    const groups = new Map<string, ReceivedPart[]>();
    for (const part of this.parts) {
      if (!part.concat) {
        out.push({
          from: part.from,
          to: part.to,
          text: part.text,
          dataCoding: part.dataCoding,
          parts: [part],
        });
        continue;
      }
      const key = `${part.from}|${part.to}|${part.concat.reference}|${part.concat.total}`;
      const group = groups.get(key) ?? [];
      group.push(part);
      groups.set(key, group);
      if (group.length === part.concat.total) {
        groups.delete(key);
        group.sort((a, b) => (a.concat?.sequence ?? 0) - (b.concat?.sequence ?? 0));
        out.push({
          from: part.from,
          to: part.to,
          text: group.map((p) => p.text).join(''),
          dataCoding: part.dataCoding,
          parts: group,
        });
      }
    }
    return out;
  }

  /** Listens again (on the same port after a `down`). */
  async up(): Promise<void> {
    this.accepting = true;
    const server = smpp.createServer({}, (session) => this.onSession(session));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, '127.0.0.1', () => resolve());
    });
    this.portNumber = (server.address() as AddressInfo).port;
  }

  /** Goes down: stops accepting, refuses new links, closes the open ones. */
  async down(): Promise<void> {
    this.accepting = false;
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const session of this.sessions) session.close();
    await closed;
  }

  /**
   * Schedules an outage: right after accepting the `afterParts`-th part the centre goes down (other submit_sm of the
   * window are then on the wire, unanswered), stays down `downMs`, and comes back. Resolves when it is back up.
   */
  outageAfter(afterParts: number, downMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.onAccepted = () => {
        if (this.parts.length < afterParts) return;
        this.onAccepted = undefined;
        this.down()
          .then(() => new Promise((r) => setTimeout(r, downMs)))
          .then(() => this.up())
          .then(resolve, reject);
      };
    });
  }

  async stop(): Promise<void> {
    await this.down();
    for (const session of this.sessions) session.destroy();
  }

  /**
   * Sends a mobile-originated SMS to the bound ESME, encoded as a handset would (GSM 03.38 or UCS-2) and split into
   * concatenated parts with a UDH when long. Returns the number of parts.
   */
  sendMo(sms: { from: string; to: string; text: string }): number {
    const [session] = this.boundSessions;
    if (!session) throw new Error('no ESME bound');
    const { dataCoding, parts } = encodeSms(sms.text);
    const reference = (this.nextId++ & 0xff) as number;
    parts.forEach((payload, i) => {
      const udh = parts.length > 1 ? concatUdh(reference, parts.length, i + 1) : undefined;
      session.send(
        new smpp.PDU('deliver_sm', {
          source_addr: sms.from.replace(/^\+/, ''),
          source_addr_ton: sms.from.startsWith('+') ? 1 : 0,
          destination_addr: sms.to,
          esm_class: udh ? ESM_UDHI : 0,
          data_coding: dataCoding,
          short_message: udh ? Buffer.concat([udh, payload]) : payload,
        }),
      );
    });
    return parts.length;
  }

  /** Sends a receipt now for an accepted part (tests of non-delivered states). */
  sendReceipt(messageId: string, state: ReceiptState): void {
    const [session] = this.boundSessions;
    if (session) this.receipt(session, messageId, state);
  }

  private receipt(session: SmppSession, messageId: string, state: ReceiptState): void {
    session.send(
      new smpp.PDU('deliver_sm', {
        source_addr: '',
        destination_addr: '',
        esm_class: ESM_RECEIPT,
        short_message: `id:${messageId} sub:001 dlvrd:${state === 'delivered' ? '001' : '000'} submit date:2611231200 done date:2611231200 stat:${receiptStat(state)} err:000 text:`,
      }),
    );
  }

  private flushReceipts(): void {
    const [session] = this.boundSessions;
    if (!session || !this.accepting) return;
    for (const messageId of this.heldReceipts.splice(0)) this.receipt(session, messageId, 'delivered');
  }

  private onSession(session: SmppSession): void {
    this.sessions.add(session);
    session.socket.on('close', () => {
      this.sessions.delete(session);
      this.boundSessions.delete(session);
    });
    session.on('error', () => {});
    session.on('bind_transceiver', (pdu: Pdu) => {
      this.binds.push(pdu.interface_version ?? -1);
      const ok = pdu.system_id === this.systemId && pdu.password === this.password && this.accepting;
      session.send(
        pdu.response({ command_status: ok ? SmppStatus.OK : SmppStatus.RBINDFAIL, system_id: 'test-smsc' }),
      );
      if (!ok) return session.close();
      this.boundSessions.add(session);
      this.flushReceipts();
    });
    session.on('enquire_link', (pdu: Pdu) => {
      this.enquireLinks++;
      if (this.accepting) session.send(pdu.response());
    });
    session.on('unbind', (pdu: Pdu) => {
      this.boundSessions.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: Pdu) => this.onSubmit(session, pdu));
  }

  private onSubmit(session: SmppSession, pdu: Pdu): void {
    // Answers written in one tick leave in one socket write, as a production centre batches them.
    if (!session.socket.writableCorked) {
      session.socket.cork();
      process.nextTick(() => session.socket.uncork());
    }
    // A centre that is going down answers nothing more; the ESME sees the link close with the request unanswered.
    if (!this.accepting) return;
    if (this.silent) {
      this.swallowed++;
      return;
    }
    if (this.refuseWith !== undefined) {
      session.send(pdu.response({ command_status: this.refuseWith }));
      return;
    }
    const messageId = `m${(this.nextId++).toString(16).padStart(8, '0')}`;
    const sm = pdu.short_message as { udh?: Buffer[]; message: string | Buffer };
    const concatIe = sm.udh?.find((ie) => ie[0] === 0x00 || ie[0] === 0x08);
    const concat = concatIe
      ? parseUdh(Buffer.concat([Buffer.from([concatIe.length]), concatIe])).concat
      : undefined;
    const part: ReceivedPart = {
      messageId,
      from: pdu.source_addr ?? '',
      to: pdu.destination_addr ?? '',
      dataCoding: pdu.data_coding ?? 0,
      esmClass: pdu.esm_class ?? 0,
      text: typeof sm.message === 'string' ? sm.message : sm.message.toString('latin1'),
      ...(concat ? { concat } : {}),
    };
    this.parts.push(part);
    session.send(pdu.response({ message_id: messageId }));
    this.onAccepted?.();
    this.afterAccept?.(part);
    const after = this.receiptAfterMs;
    if (after !== false && (pdu.registered_delivery ?? 0) & 0x01) {
      setTimeout(() => {
        this.heldReceipts.push(messageId);
        this.flushReceipts();
      }, after).unref();
    }
  }
}
