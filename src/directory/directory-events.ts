import { Injectable } from '@nestjs/common';

/** Tells in-process listeners (the router's index) that the directory or the feed changed. */
@Injectable()
export class DirectoryEvents {
  private readonly listeners = new Set<() => void>();

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
