import { getCurrentWebview } from "@tauri-apps/api/webview";
import { useEffect, useRef, useState } from "react";

/**
 * Files dropped on the window (Tauri gives their paths). `dragging` is true
 * while files are held over it. Outside Tauri (tests, a browser) nothing happens.
 */
export function useFileDrop(onDrop: (paths: string[]) => void): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;

  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | null = null;
    const listen = async () => {
      try {
        const stop = await getCurrentWebview().onDragDropEvent((event) => {
          const p = event.payload;
          if (p.type === "enter" || p.type === "over") setDragging(true);
          else if (p.type === "leave") setDragging(false);
          else if (p.type === "drop") {
            setDragging(false);
            if (p.paths.length > 0) dropRef.current(p.paths);
          }
        });
        if (live) unlisten = stop;
        else stop();
      } catch {
        // Not in the Tauri webview: no file drops.
      }
    };
    void listen();
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);

  return { dragging };
}
