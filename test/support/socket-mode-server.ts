/**
 * A local stand-in for Slack's Socket Mode WebSocket endpoint, small enough to read:
 * RFC 6455 handshake, unfragmented text frames, ping/pong and close. Point the Web API
 * stand-in's `apps.connections.open` at `server.url` (`standIn.setSocketModeUrl`), then
 * play Slack: `hello`, envelopes, and read the bot's acks.
 *
 * Written here rather than taken from `ws` because @slack/socket-mode now dials with
 * undici's WebSocket and `ws` is no longer installed; a server is all the tests need.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

export interface SocketModeConnection {
  /** Sends one JSON text frame, as Slack sends envelopes. */
  send(message: unknown): void;
  /** Every JSON message the bot sent, in order (acks are `{ envelope_id, payload }`). */
  readonly received: unknown[];
  waitForMessage(match: (message: any) => boolean, timeoutMs?: number): Promise<any>;
  readonly closed: Promise<void>;
  /** Path and query the bot connected with. */
  readonly path: string;
}

export interface SocketModeServer {
  /** `ws://127.0.0.1:<port>/link/?ticket=…`, like apps.connections.open returns. */
  readonly url: string;
  readonly connections: SocketModeConnection[];
  /** Resolves with the n-th connection (1-based) once its handshake is done. */
  waitForConnection(count?: number, timeoutMs?: number): Promise<SocketModeConnection>;
  close(): Promise<void>;
}

/** `hello` as Slack sends it right after the handshake; Socket Mode clients wait for it. */
export function helloMessage(appId = 'A0PLANBOT'): Record<string, unknown> {
  return {
    type: 'hello',
    num_connections: 1,
    debug_info: { host: 'applink-stand-in', build_number: 1, approximate_connection_time: 18060 },
    connection_info: { app_id: appId },
  };
}

/** A slash command as it arrives over Socket Mode: the form fields as a JSON payload. */
export function slashCommandEnvelope(envelopeId: string, payload: Record<string, string>): Record<string, unknown> {
  return { envelope_id: envelopeId, payload, type: 'slash_commands', accepts_response_payload: true };
}

/** An Events API delivery over Socket Mode: the event_callback envelope as the payload. */
export function eventsApiEnvelope(envelopeId: string, eventCallback: Record<string, unknown>): Record<string, unknown> {
  return { envelope_id: envelopeId, payload: eventCallback, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' };
}

export async function startSocketModeServer(): Promise<SocketModeServer> {
  const connections: SocketModeConnection[] = [];
  const sockets = new Set<Socket>();
  const connectionWaiters: Array<{ count: number; resolve: (c: SocketModeConnection) => void }> = [];

  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('WebSocket only');
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const accept = createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const connection = serve(socket, req.url ?? '/');
    connections.push(connection);
    for (const waiter of [...connectionWaiters]) {
      if (connections.length >= waiter.count) {
        connectionWaiters.splice(connectionWaiters.indexOf(waiter), 1);
        waiter.resolve(connections[waiter.count - 1]!);
      }
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=stand-in-ticket&app_id=A0PLANBOT`,
    connections,
    waitForConnection(count = 1, timeoutMs = 5000) {
      const ready = connections[count - 1];
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no Socket Mode connection #${count} within ${timeoutMs} ms`)), timeoutMs);
        connectionWaiters.push({
          count,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}

function serve(socket: Socket, path: string): SocketModeConnection {
  const received: unknown[] = [];
  const waiters = new Set<{ match: (m: any) => boolean; resolve: (m: any) => void }>();
  let buffer = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  socket.on('close', () => resolveClosed());
  socket.on('error', () => socket.destroy());

  const deliver = (text: string) => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = { _raw: text };
    }
    received.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const frame = readFrame(buffer);
      if (!frame) return;
      buffer = buffer.subarray(frame.length);
      switch (frame.opcode) {
        case OP_TEXT:
        case OP_CONTINUATION:
          fragments.push(frame.payload);
          if (frame.fin) {
            deliver(Buffer.concat(fragments).toString('utf8'));
            fragments = [];
          }
          break;
        case OP_PING:
          // The client drops the connection when its pings go unanswered.
          socket.write(encodeFrame(OP_PONG, frame.payload));
          break;
        case OP_CLOSE:
          if (!socket.destroyed) socket.end(encodeFrame(OP_CLOSE, frame.payload.subarray(0, 2)));
          return;
        default:
          break;
      }
    }
  });

  return {
    received,
    closed,
    path,
    send(message) {
      socket.write(encodeFrame(OP_TEXT, Buffer.from(JSON.stringify(message), 'utf8')));
    },
    waitForMessage(match, timeoutMs = 3000) {
      const already = received.find(match);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: unknown) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching Socket Mode message within ${timeoutMs} ms; got ${JSON.stringify(received)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

/** One complete frame at the start of `data`, unmasked, or null when more bytes are needed. */
function readFrame(data: Buffer): { fin: boolean; opcode: number; payload: Buffer; length: number } | null {
  if (data.length < 2) return null;
  const fin = (data[0]! & 0x80) !== 0;
  const opcode = data[0]! & 0x0f;
  const masked = (data[1]! & 0x80) !== 0;
  let length = data[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + length) return null;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  // Clients must mask every frame (RFC 6455 §5.3).
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ data[maskOffset + (i % 4)]!;
  return { fin, opcode, payload, length: offset + length };
}

/** A server frame: never masked, never fragmented. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const head =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65536
        ? Buffer.concat([Buffer.from([0x80 | opcode, 126]), uint16(payload.length)])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), uint64(payload.length)]);
  return Buffer.concat([head, payload]);
}

function uint16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function uint64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}
