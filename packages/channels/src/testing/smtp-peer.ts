import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the test relay accepted, parsed back with mailparser. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * An SMTP relay for tests on loopback (`smtp-server`), no TLS or auth. `refuseNext(n)` answers the next n
 * messages with a 451 temporary failure (or another code), to test retries.
 */
export class TestSmtp {
  readonly received: ReceivedEmail[] = [];
  /** Messages refused so far. */
  refused = 0;
  private refuseRemaining = 0;
  private refuseCode = 451;
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestSmtp> {
    let peer: TestSmtp | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const self = peer as TestSmtp;
          if (self.refuseRemaining > 0) {
            self.refuseRemaining--;
            self.refused++;
            const err = new Error('Temporary local problem, try again later') as Error & {
              responseCode: number;
            };
            err.responseCode = self.refuseCode;
            return callback(err);
          }
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              self.received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
              });
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    peer = new TestSmtp(server, (server.server.address() as AddressInfo).port);
    return peer;
  }

  /** `smtp://127.0.0.1:port?tls=off` for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}?tls=off`;
  }

  /** Refuse the next `count` messages with `code` (4xx: try later, 5xx: never). */
  refuseNext(count: number, code = 451): void {
    this.refuseRemaining = count;
    this.refuseCode = code;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
