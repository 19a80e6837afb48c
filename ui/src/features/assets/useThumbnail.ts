import { useEffect, useState, type RefObject } from "react";
import { loadThumbnail } from "./thumbnails";

/**
 * The asset's thumbnail (a data: URL) once the element is on screen; null
 * while unknown or for assets without one (text).
 */
export function useThumbnail(ref: RefObject<Element | null>, id: number, sha256: string): { url: string | null; loaded: boolean } {
  const [state, setState] = useState<{ sha: string; url: string | null } | null>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: "200px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    loadThumbnail(id, sha256).then(
      (url) => live && setState({ sha: sha256, url }),
      () => live && setState({ sha: sha256, url: null }),
    );
    return () => {
      live = false;
    };
  }, [visible, id, sha256]);

  const current = state !== null && state.sha === sha256;
  return { url: current ? state.url : null, loaded: current };
}
