import { assetsApi } from "./api";

/**
 * Thumbnails by the content's sha256: a file's picture never changes, so
 * each is asked for once (a request in flight is shared).
 */
const cache = new Map<string, Promise<string | null>>();

/** Only PNG/JPEG/GIF/WebP data: URLs are shown; anything else counts as no thumbnail. */
function safeImageUrl(url: string | null): string | null {
  return url !== null && /^data:image\/(png|jpeg|gif|webp);base64,/.test(url) ? url : null;
}

export function loadThumbnail(id: number, sha256: string): Promise<string | null> {
  let p = cache.get(sha256);
  if (!p) {
    p = assetsApi.thumbnail(id).then(safeImageUrl);
    cache.set(sha256, p);
    // A failed load is asked again next time.
    p.catch(() => cache.delete(sha256));
  }
  return p;
}

/** For tests. */
export function clearThumbnails() {
  cache.clear();
}
