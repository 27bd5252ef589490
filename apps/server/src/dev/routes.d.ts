import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
/**
 * The virtual phone (DEMO-02) and demo facts. Registered only in demo mode: in production these routes do not
 * exist at all (404), rather than existing and refusing.
 */
export declare function devRoutes(
  root: FastifyInstance,
  ctx: AppContext & {
    demoPhones: () => Promise<string[]>;
  },
): Promise<void>;
