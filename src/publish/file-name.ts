/** A download name from the page's title and date: no characters file systems refuse. */
export function fileName(title: string, date: string, ext: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'map';
  return `${safe} ${date}.${ext}`;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function isoDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Hands a file to the browser's download. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hands a text file to the browser's download. */
export function download(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], { type }));
}
