import { randomInt } from "node:crypto";
import { TABLE_CODE_MAX } from "~/schemas/menu-events";
import { slugify } from "~/lib/slug";

// A table's code is the `t` of its QR URL (`/m/<slug>?t=<code>`). It is chosen once, when the table is
// created, so printed codes keep working when the table is renamed; the analytics beacon accepts exactly
// TABLE_CODE_PATTERN.
export const TABLE_CODE_PATTERN = /^[a-z0-9-]{1,40}$/;

const RANDOM_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const RANDOM_LENGTH = 6;

/** "Terrace 4" → "terrace-4"; "" when the label has no Latin letters or digits (e.g. "میز ۴" or "🍕"). */
export function baseTableCode(label: string): string {
  return slugify(label).slice(0, TABLE_CODE_MAX).replace(/-+$/g, "");
}

/** Candidates tried in order when the base code is taken: base, base-2, base-3, … always within the limit. */
export function tableCodeCandidate(base: string, attempt: number): string {
  if (attempt <= 1) return base;
  const suffix = `-${attempt}`;
  return `${base.slice(0, TABLE_CODE_MAX - suffix.length).replace(/-+$/g, "")}${suffix}`;
}

/** For labels that give no base: short, so a code typed from a card by hand stays easy. */
export function randomTableCode(): string {
  const characters = Array.from({ length: RANDOM_LENGTH }, () => RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)]);
  return `t-${characters.join("")}`;
}

/** The first code for this label that is not in `taken`. */
export function freeTableCode(label: string, taken: ReadonlySet<string>): string {
  const base = baseTableCode(label);
  if (!base) {
    for (;;) {
      const code = randomTableCode();
      if (!taken.has(code)) return code;
    }
  }
  for (let attempt = 1; ; attempt += 1) {
    const code = tableCodeCandidate(base, attempt);
    if (!taken.has(code)) return code;
  }
}

/** Labels are unique per restaurant regardless of case and width: "Table 1", "TABLE 1" and "Ｔａｂｌｅ 1" are one table. */
export function tableLabelKey(label: string): string {
  return label.normalize("NFKC").toLowerCase();
}
