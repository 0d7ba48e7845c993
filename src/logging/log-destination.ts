import type { DestinationStream } from 'pino';

/**
 * Where the logs go: standard output unless createApp() is given another stream (the log-secrets test reads
 * every line this way). Set before the application module is built; read once by LoggingModule.
 */
let destination: DestinationStream | undefined;

export function setLogDestination(stream: DestinationStream | undefined): void {
  destination = stream;
}

export function logDestination(): DestinationStream | undefined {
  return destination;
}
