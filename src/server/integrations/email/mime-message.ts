import { randomUUID } from "node:crypto";

export type MimeMessageInput = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
};

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// RFC 2047 encoded words, each under the 75-character limit: UTF-8 is cut only between characters.
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const character of value) {
    if (Buffer.byteLength(chunk + character) > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString("base64")}?=`).join("\r\n ");
}

/** A header value on one logical line: line breaks would start new headers, and non-ASCII text must be encoded. */
function headerText(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ").trim();
  return PRINTABLE_ASCII.test(oneLine) ? oneLine : encodedWords(oneLine);
}

// "Foodar <hello@example.com>": only the display name may need encoding.
function addressHeader(value: string): string {
  const match = /^(.*\S)\s*<([^<>]+)>$/.exec(value.trim());
  if (!match) return headerText(value);
  const [, name = "", address = ""] = match;
  const display = PRINTABLE_ASCII.test(name) ? `"${name.replace(/["\\]/g, "\\$&")}"` : headerText(name);
  return `${display} <${address}>`;
}

// RFC 5322 wants a numeric zone; toUTCString() ends in "GMT".
const rfc5322Date = (date: Date) => date.toUTCString().replace(/GMT$/, "+0000");

function base64Lines(content: string): string {
  return (Buffer.from(content, "utf8").toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");
}

function part(contentType: string, content: string): string {
  return [`Content-Type: ${contentType}; charset=utf-8`, "Content-Transfer-Encoding: base64", "", base64Lines(content)].join("\r\n");
}

/**
 * The message as an RFC 5322 / MIME document (multipart/alternative: the text part first, then the HTML part that
 * mail clients prefer), as a mail server would store it. Bodies are base64, so no line is too long and no content
 * can be mistaken for the boundary, which contains "_", a character base64 never uses.
 */
export function buildMimeMessage(input: MimeMessageInput): string {
  const boundary = `foodar_${randomUUID()}`;
  return [
    `From: ${addressHeader(input.from)}`,
    `To: ${addressHeader(input.to)}`,
    `Subject: ${headerText(input.subject)}`,
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: <${input.messageId}>`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    part("text/plain", input.text),
    `--${boundary}`,
    part("text/html", input.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
