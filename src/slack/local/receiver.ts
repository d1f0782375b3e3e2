/**
 * A Bolt receiver for the local chat: requests are built in-process (by `chat.ts`) and delivered
 * through `app.processEvent`, the same entry point the HTTP and Socket Mode receivers use, so the
 * same middleware and listeners handle them.
 */
import type { App, Receiver } from "@slack/bolt";

/** The local receiver: no network, one request at a time, in order. */
export class LocalReceiver implements Receiver {
  #app?: App;

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Delivers one request body; resolves when its listeners have finished. */
  async deliver(
    body: Record<string, unknown>,
    onAck: (response?: unknown) => void = () => {},
  ): Promise<void> {
    if (!this.#app) throw new Error("LocalReceiver: not initialised by an App");
    await this.#app.processEvent({
      body,
      ack: async (response?: unknown) => onAck(response),
    });
  }
}
