/**
 * The `smpp` npm package (untyped CommonJS, last upstream commit 2022) behind the few types we use. Nothing outside
 * this package touches it, so replacing the library means replacing this file and `smpp-client.ts`.
 */
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Server, Socket } from 'node:net';

export interface Pdu {
  command: string;
  command_status: number;
  sequence_number: number;
  esm_class?: number;
  data_coding?: number;
  source_addr?: string;
  destination_addr?: string;
  message_id?: string;
  system_id?: string;
  password?: string;
  interface_version?: number;
  registered_delivery?: number;
  receipted_message_id?: string;
  message_state?: number;
  /** Decoded by the library: `{ udh?: Buffer[], message: string }` for received PDUs. */
  short_message?: { udh?: Buffer[]; message: string | Buffer } | Buffer | string;
  response(options?: Record<string, unknown>): Pdu;
  isResponse(): boolean;
}

export interface SmppSession extends EventEmitter {
  socket: Socket;
  send(pdu: Pdu, onResponse?: (resp: Pdu) => void, onSent?: () => void): boolean;
  close(callback?: () => void): void;
  destroy(callback?: () => void): void;
}

export interface SmppServer extends Server {
  sessions: SmppSession[];
}

interface SmppModule {
  connect(options: { host: string; port: number; tls?: boolean }): SmppSession;
  createServer(options: Record<string, unknown>, listener: (session: SmppSession) => void): SmppServer;
  PDU: new (command: string, options?: Record<string, unknown>) => Pdu;
}

export const smpp = createRequire(import.meta.url)('smpp') as SmppModule;

/** SMPP command_status values we act on (SMPP 3.4 §5.1.3). */
export const SmppStatus = {
  OK: 0x00,
  RMSGQFUL: 0x14,
  RBINDFAIL: 0x0d,
  RINVPASWD: 0x0e,
  RINVSYSID: 0x0f,
  RTHROTTLED: 0x58,
  RX_T_APPN: 0x64,
  RSYSERR: 0x08,
} as const;

/** ESM class bits of deliver_sm (§5.2.12). */
export const ESM_RECEIPT = 0x04;
export const ESM_UDHI = 0x40;
