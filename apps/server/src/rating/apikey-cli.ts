/** `kabinet apikey create <name>`: a key for an integrator, printed once (only its hash is kept). */
import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { API_KEY_SCOPES, type ApiKeyScope, createApiKey } from './api-keys.ts';

export function registerApiKeyCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  program
    .command('apikey')
    .description("API keys for integrators (the operator's mediation)")
    .command('create')
    .description(
      "Create a key and print it once; store it in the integrator's secrets, it cannot be shown again",
    )
    .argument('<name>', 'who the key is for, e.g. "mediation"')
    .option('--scope <scope...>', `what the key may do: ${API_KEY_SCOPES.join(', ')}`, ['usage:write'])
    .action(async (name: string, opts: { scope: string[] }) => {
      const unknown = opts.scope.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
      if (unknown.length > 0) {
        console.error(`Unknown scope(s): ${unknown.join(', ')} (known: ${API_KEY_SCOPES.join(', ')})`);
        process.exitCode = 2;
        return;
      }
      const database = await open();
      try {
        const created = await createApiKey(database.db, name, opts.scope as ApiKeyScope[]);
        console.log(
          `id: ${created.id}\nname: ${created.name}\nscopes: ${created.scopes.join(' ')}\nkey: ${created.key}`,
        );
        console.error('The key is shown only now: only its hash is stored.');
      } finally {
        await database.close();
      }
    });
}
