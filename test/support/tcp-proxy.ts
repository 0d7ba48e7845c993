import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy between the app and a server (PostgreSQL here) that a test can cut and restore, to stage a database
 * outage without touching the shared server. cut(): stop listening (new connections refused) and destroy every
 * open connection; restore(): listen again on the same port; restoreAsBlackHole(): listen, accept, never answer.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** When true, connections are accepted and then left unanswered, like a database host that stopped responding. */
  private blackHole = false;

  async start(port = 0): Promise<void> {
    const server = createServer((client) => (this.blackHole ? this.hold(client) : this.pipe(client)));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  restore(): Promise<void> {
    this.blackHole = false;
    return this.start(this.port);
  }

  /** Listen again, but accept connections without ever forwarding or answering them. */
  restoreAsBlackHole(): Promise<void> {
    this.blackHole = true;
    return this.start(this.port);
  }

  private hold(client: Socket): void {
    this.sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => this.sockets.delete(client));
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
}
