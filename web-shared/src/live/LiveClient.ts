import { io, type Socket } from 'socket.io-client';
import { ref, type Ref } from 'vue';

export type LiveState = 'connecting' | 'connected' | 'offline';

/** What the server pushes (see the API contract): name → payload. */
export type LiveHandler = (payload: unknown) => void;

/**
 * The page's one socket.io connection (same origin, session cookie). Listeners may be added
 * before it connects; followed applications are followed again after a reconnect, since
 * rooms belong to a socket. Connect after sign-in: the server refuses anonymous sockets.
 */
export class LiveClient {
  readonly state: Ref<LiveState> = ref('offline');
  private socket: Socket | undefined;
  private readonly handlers = new Map<string, Set<LiveHandler>>();
  private readonly followed = new Set<string>();

  connect(): void {
    if (this.socket) {
      if (!this.socket.connected) this.socket.connect();
      return;
    }
    this.state.value = 'connecting';
    const socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket'] });
    socket.on('connect', () => {
      this.state.value = 'connected';
      for (const number of this.followed) void this.emitFollow(number);
    });
    socket.on('disconnect', () => (this.state.value = 'offline'));
    socket.on('connect_error', () => (this.state.value = 'offline'));
    socket.onAny((event: string, payload: unknown) => {
      for (const handler of this.handlers.get(event) ?? []) handler(payload);
    });
    this.socket = socket;
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = undefined;
    this.followed.clear();
    this.state.value = 'offline';
  }

  /** Listens to one event; returns the function that stops listening. */
  on(event: string, handler: LiveHandler): () => void {
    const set = this.handlers.get(event) ?? new Set<LiveHandler>();
    set.add(handler);
    this.handlers.set(event, set);
    return () => set.delete(handler);
  }

  /** Follows one application's events; resolves false when the server refuses. */
  async follow(applicationNumber: string): Promise<boolean> {
    this.connect();
    this.followed.add(applicationNumber);
    return this.emitFollow(applicationNumber);
  }

  unfollow(applicationNumber: string): void {
    this.followed.delete(applicationNumber);
  }

  private emitFollow(applicationNumber: string): Promise<boolean> {
    const socket = this.socket;
    // Not connected yet: the connect handler follows it.
    if (!socket?.connected) return Promise.resolve(false);
    return new Promise((resolve) => {
      socket.emit('subscribe', { applicationId: applicationNumber }, (reply: { ok?: boolean }) =>
        resolve(reply?.ok === true),
      );
    });
  }
}
