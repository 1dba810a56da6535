const KB = 1024;
const MB = 1024 * KB;

const wholeNumber = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/**
 * File sizes as people read them: "845 B", "452 KB", "21.7 MB". Binary units, like the upload limits in the env
 * (50 MB = 50 × 1024 × 1024), so a limit reads as the round number it was set to.
 */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${wholeNumber.format(bytes)} B`;
  if (bytes < MB) return `${wholeNumber.format(bytes / KB)} KB`;
  return `${oneDecimal.format(bytes / MB)} MB`;
}
