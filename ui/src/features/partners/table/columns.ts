import type { PartnerSort } from "../../../bindings/PartnerSort";

export type Column = {
  id: "name" | "email" | "status" | "group" | "tags" | "country" | "created";
  label: string;
  sort?: PartnerSort;
  align?: "end";
};

export const COLUMNS: Column[] = [
  { id: "name", label: "Name", sort: "name" },
  { id: "email", label: "Email" },
  { id: "status", label: "Status", sort: "status" },
  { id: "group", label: "Group" },
  { id: "tags", label: "Tags" },
  { id: "country", label: "Country", sort: "country" },
  { id: "created", label: "Created", sort: "created", align: "end" },
];

export const ROW_HEIGHT = 48;
