/**
 * Bytes to text in the encoding the answer declares: the Content-Type charset, else a byte-order
 * mark, else the XML declaration or the HTML meta charset, else UTF-8.
 */

/** Decodes a feed or page body. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const label = charsetOf(contentType) ?? sniffCharset(bytes) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}

function charsetOf(contentType: string | null): string | undefined {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "");
  return m?.[1];
}

function sniffCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // The declaration is ASCII in every encoding a feed or page is likely to use.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1];
}
