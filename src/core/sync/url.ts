/** The host of a URL, or the text as written when it is not one (the client reports a bad URL when used). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
