/** "2 GB" / "1.5 GB" / "512 MB". */
export const formatRam = (mb: number): string => {
  if (mb < 1024) return `${mb} MB`;
  const gb = mb / 1024;
  return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
};

/** Bytes as B / KB / MB / GB / TB with one decimal; null → ''. */
export const formatBytes = (bytes: number | null): string => {
  if (bytes === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
};
