import { File, FileText, Globe, Image, Mail, MessageSquare, Quote } from "lucide-react";
import type { AssetKind } from "../../bindings/AssetKind";

/** The icon shown for an asset without a picture: by kind, then by file type. */
export function KindIcon({ kind, mime, size = 28 }: { kind: AssetKind; mime: string; size?: number }) {
  const props = { size, "aria-hidden": true, strokeWidth: 1.5 };
  switch (kind) {
    case "email_template":
      return <Mail {...props} />;
    case "social_post":
      return <MessageSquare {...props} />;
    case "text_snippet":
      return <Quote {...props} />;
    case "landing_page":
      return <Globe {...props} />;
    default:
      if (mime.startsWith("image/")) return <Image {...props} />;
      if (mime.startsWith("text/") || mime === "application/pdf") return <FileText {...props} />;
      return <File {...props} />;
  }
}
