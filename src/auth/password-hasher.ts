import { Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { Algorithm, Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// The package's Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id recommendation: 19 MiB, two passes, one lane. */
export const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Passwords as argon2id PHC strings. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummy?: Promise<string>;

  onModuleInit(): void {
    // Made now, so that the first unknown address does not take twice as long.
    this.dummy ??= this.hash(randomBytes(16).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a wrong password, not a crash of the sign-in.
      return false;
    }
  }

  /**
   * Spends what a real check costs when there is no account to check against, so that
   * an unknown address answers as slowly as a known one.
   */
  async verifyNothing(password: string): Promise<void> {
    this.dummy ??= this.hash(randomBytes(16).toString('base64url'));
    await this.verify(await this.dummy, password);
  }
}
