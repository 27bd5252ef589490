import { connect } from '@nats-io/transport-node';
import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { DEFAULT_STREAM, ensureUsageStream, UsageConsumer } from './usage-consumer.ts';

/** The `usage` command group, shared with the importer (`usage import`): created once by whoever comes first. */
export function usageCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'usage') ??
    program.command('usage').description('Usage records: ingestion and rating (RATE-01)')
  );
}

/** `kabinet usage consume`: one rating worker on the NATS JetStream usage stream; run as many as needed. */
export function registerConsumeCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  usageCommand(program)
    .command('consume')
    .description('Rate usage from the NATS JetStream stream (a durable pull consumer shared by all workers)')
    .option('--servers <list>', 'NATS servers', process.env.NATS_URL ?? '127.0.0.1:4222')
    .option('--stream <name>', 'JetStream stream', DEFAULT_STREAM.stream)
    .option('--subject <subject>', 'subject the mediation publishes to', DEFAULT_STREAM.subject)
    .option('--durable <name>', 'durable consumer shared by the workers', DEFAULT_STREAM.durable)
    .option('--batch <n>', 'messages per rating transaction', (v) => Number.parseInt(v, 10), 500)
    .action(
      async (opts: { servers: string; stream: string; subject: string; durable: string; batch: number }) => {
        const database = await open();
        const nc = await connect({ servers: opts.servers.split(',') });
        const names = { stream: opts.stream, subject: opts.subject, durable: opts.durable };
        await ensureUsageStream(nc, names);
        const consumer = new UsageConsumer({
          db: database.db,
          nc,
          names,
          batchSize: opts.batch,
          log: (line) => console.log(line),
        });
        const report = setInterval(() => console.log(JSON.stringify(consumer.stats)), 10_000);
        report.unref();
        const stop = () => consumer.stop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        console.log(
          `Consuming ${names.subject} (stream ${names.stream}, consumer ${names.durable}). Ctrl-C stops.`,
        );
        try {
          await consumer.run();
        } finally {
          clearInterval(report);
          console.log(JSON.stringify(consumer.stats));
          await nc.drain();
          await database.close();
        }
      },
    );
}
