/**
 * A TCP proxy in front of a real server (PostgreSQL, MariaDB, Redis) that the test can cut: the
 * network edge is the one place a test fakes, because a real database cannot be told to die at a
 * chosen statement.
 *
 * `cutWhen(match)` arms it: the first client message that contains `match` is dropped and every
 * connection is severed at once; new connections are refused until `restore()`. With
 * `{ afterReply: true }` the message goes through and the cut comes with the server's answer (the
 * write happened, its reply is lost). `cut()` severs straight away.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

/** Options of {@link CuttableProxy.cutWhen}. */
export interface CutOptions {
  /** Let the matching message reach the server and cut when its reply comes back. @default false */
  afterReply?: boolean;
}

export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private down = false;
  private trigger: { match: string | RegExp; afterReply: boolean } | null = null;
  /** How many client messages matched the armed trigger (0 or 1 per arming). */
  hits = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free loopback port and forwards every connection to `target`. */
  static async start(target: { host: string; port: number }): Promise<CuttableProxy> {
    const server = createServer();
    const port = await new Promise<number>((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        resolve((server.address() as { port: number }).port);
      });
    });
    const proxy = new CuttableProxy(server, port);
    server.on("connection", (client) => {
      proxy.accept(client, target);
    });
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = "127.0.0.1";
    parsed.port = String(this.port);
    return parsed.href;
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    let cutOnReply = false;
    client.on("data", (chunk: Buffer) => {
      const trigger = this.trigger;
      if (trigger !== null && matches(chunk, trigger.match)) {
        this.hits += 1;
        this.trigger = null;
        if (!trigger.afterReply) {
          this.cut();
          return;
        }
        cutOnReply = true;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (cutOnReply) {
        this.cut();
        return;
      }
      client.write(chunk);
    });
  }

  /** Arms the cut for the first client message that contains `match`. */
  cutWhen(match: string | RegExp, options: CutOptions = {}): void {
    this.hits = 0;
    this.trigger = { match, afterReply: options.afterReply ?? false };
  }

  /** Severs every connection and refuses new ones until {@link restore}. */
  cut(): void {
    this.down = true;
    this.trigger = null;
    for (const socket of this.sockets) socket.destroy();
  }

  /** Accepts connections again (and disarms any trigger). */
  restore(): void {
    this.down = false;
    this.trigger = null;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}

function matches(chunk: Buffer, match: string | RegExp): boolean {
  const text = chunk.toString("latin1");
  return typeof match === "string" ? text.includes(match) : match.test(text);
}
