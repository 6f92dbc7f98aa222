/** Positional parameters for hand-written SQL: each value gets its own `$n`, never spliced in. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
