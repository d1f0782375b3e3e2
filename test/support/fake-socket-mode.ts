/**
 * A fake of Slack's Socket Mode server: a minimal WebSocket endpoint on 127.0.0.1 that greets the
 * client with `hello`, sends envelopes (events_api, slash_commands, interactive) and records the
 * acknowledgements. Pair it with `FakeSlack`, whose `apps.connections.open` must return its URL:
 *
 *   const sm = await FakeSocketMode.start();
 *   slack.answerWith("apps.connections.open", { url: sm.url });
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Waiters } from "./waiters.js";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** An acknowledgement the client sent back. */
export interface Ack {
  envelope_id: string;
  payload?: unknown;
}

/** The fake Socket Mode server. */
export class FakeSocketMode {
  readonly acks: Ack[] = [];
  #socket?: Socket;
  #buffer = Buffer.alloc(0);
  readonly #waiters = new Waiters("fake Socket Mode");

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts the server on a free port. */
  static async start(): Promise<FakeSocketMode> {
    const server = createServer((_req, res) => {
      res.writeHead(426);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSocketMode(server, `ws://127.0.0.1:${port}/link/?ticket=fake`);
    server.on("upgrade", (req, socket: Socket) =>
      fake.#accept(String(req.headers["sec-websocket-key"]), socket),
    );
    return fake;
  }

  /** Whether a client is connected. */
  get connected(): boolean {
    return Boolean(this.#socket && !this.#socket.destroyed);
  }

  /** Resolves once a client has connected and been greeted. */
  waitForConnection(timeoutMs = 10_000): Promise<void> {
    return this.#waiters.waitFor(() => this.connected, timeoutMs, "a Socket Mode connection");
  }

  /** Resolves once the client has gone away. */
  waitForDisconnect(timeoutMs = 10_000): Promise<void> {
    return this.#waiters.waitFor(() => !this.connected, timeoutMs, "the client to disconnect");
  }

  /** Resolves with the ack of `envelopeId` once the client sent it. */
  async waitForAck(envelopeId: string, timeoutMs = 10_000): Promise<Ack> {
    const find = () => this.acks.find((a) => a.envelope_id === envelopeId);
    await this.#waiters.waitFor(() => Boolean(find()), timeoutMs, `the ack of ${envelopeId}`);
    return find() as Ack;
  }

  /** Sends one envelope as a text frame. */
  send(envelope: Record<string, unknown>): void {
    if (!this.#socket) throw new Error("fake Socket Mode: no client connected");
    this.#socket.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
  }

  /** Sends an Events API payload wrapped as Slack does, with its retry fields. */
  sendEvent(envelopeId: string, payload: unknown, retryAttempt = 0, retryReason = ""): void {
    this.send({
      envelope_id: envelopeId,
      payload,
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: retryAttempt,
      retry_reason: retryReason,
    });
  }

  /** Closes the connection and the server. */
  async close(): Promise<void> {
    this.#socket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  #accept(key: string, socket: Socket): void {
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.#socket = socket;
    socket.on("data", (chunk: Buffer) => this.#read(chunk));
    socket.on("close", () => {
      if (this.#socket === socket) this.#socket = undefined;
      this.#waiters.notify();
    });
    socket.on("error", () => socket.destroy());
    this.send({
      type: "hello",
      num_connections: 1,
      debug_info: { host: "fake" },
      connection_info: { app_id: "A0001" },
    });
    this.#waiters.notify();
  }

  #read(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const parsed = unframe(this.#buffer);
      if (!parsed) return;
      this.#buffer = this.#buffer.subarray(parsed.consumed);
      if (parsed.opcode === 0x9) this.#socket?.write(frame(0xa, parsed.payload));
      else if (parsed.opcode === 0x8) {
        this.#socket?.end(frame(0x8, Buffer.alloc(0)));
      } else if (parsed.opcode === 0x1) {
        const msg = JSON.parse(parsed.payload.toString("utf8")) as Ack;
        if (msg.envelope_id) this.acks.push(msg);
        this.#waiters.notify();
      }
    }
  }
}

/** A single unmasked server frame. */
function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), u64(len)]);
  return Buffer.concat([head, payload]);
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** Parses one (masked, client) frame from the front of `buf`, if complete. */
function unframe(buf: Buffer): { opcode: number; payload: Buffer; consumed: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = (buf[0] ?? 0) & 0x0f;
  const masked = ((buf[1] ?? 0) & 0x80) !== 0;
  let len = (buf[1] ?? 0) & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLen = masked ? 4 : 0;
  if (buf.length < offset + maskLen + len) return undefined;
  const mask = buf.subarray(offset, offset + maskLen);
  const payload = Buffer.from(buf.subarray(offset + maskLen, offset + maskLen + len));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, consumed: offset + maskLen + len };
}
