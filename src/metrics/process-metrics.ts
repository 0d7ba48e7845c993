import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's default metrics (CPU, memory, heap, handles, GC, event-loop delay) in a registry of their own, made
 * once per process: they describe the process, not one application, and each registration starts an event-loop
 * monitor and a GC observer that are never stopped, so one per app would pile up in a process that starts many
 * apps (the tests).
 */
export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
