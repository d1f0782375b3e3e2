/**
 * Tokens at rest: each value sealed with AES-256-GCM under TOKEN_ENCRYPTION_KEY, with a random
 * 12-byte IV of its own, as `v1.<iv>.<tag>.<ciphertext>` (base64url). GCM's tag makes a wrong key
 * (or an edited value) fail loudly instead of handing Slack garbage. The key is never logged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/** Thrown when a stored value cannot be opened: a different key, or a damaged value. */
export class TokenDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenDecryptError";
  }
}

/** Seals and opens token strings with one 32-byte key. */
export interface TokenCipher {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

/** A cipher over `key` (exactly 32 bytes). */
export function tokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes");
  const k = Buffer.from(key);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", k, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, data]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new TokenDecryptError("a stored Slack token is not in the encrypted format (v1.…)");
      try {
        const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new TokenDecryptError(
          "the stored Slack tokens cannot be decrypted with TOKEN_ENCRYPTION_KEY: is it the key they were saved with? (a changed key means reinstalling the app in each workspace)",
        );
      }
    },
  };
}
