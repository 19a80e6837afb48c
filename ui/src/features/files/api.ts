import { invoke } from "@tauri-apps/api/core";

/** Files the app wrote (.pdf, .csv, .xml, .txt, .zip), handed to the system. */
export const filesApi = {
  /** Opens the file in the system's viewer for its kind. */
  open: (path: string) => invoke<null>("file_open", { path }),
  /** Shows the file in its folder (Finder, Explorer, the file manager). */
  reveal: (path: string) => invoke<null>("file_reveal", { path }),
};
