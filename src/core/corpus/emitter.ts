/** A minimal event emitter for the core (which cannot use VS Code's). */
export class Emitter<T> {
  private listeners = new Set<(e: T) => void>();

  /** Subscribes; call the returned function to unsubscribe. */
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
