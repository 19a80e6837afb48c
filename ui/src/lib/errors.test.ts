import { describe, expect, it } from "vitest";
import { describeError, fieldError, formRefusal, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps the backend's code, message and field", () => {
    expect(toAppError({ code: "conflict", message: "taken", field: "email" })).toEqual({ code: "conflict", message: "taken", field: "email" });
  });

  it("reads a missing field as none", () => {
    expect(toAppError({ code: "io", message: "disk full" })).toEqual({ code: "io", message: "disk full", field: null });
  });

  it("wraps strings, Errors and anything else", () => {
    expect(toAppError("boom")).toEqual({ code: "unknown", message: "boom", field: null });
    expect(toAppError(new Error("bad"))).toEqual({ code: "unknown", message: "bad", field: null });
    expect(toAppError(42).message).toBe("Something went wrong.");
  });
});

describe("fieldError", () => {
  it("gives the field the backend names and its reason", () => {
    expect(fieldError({ code: "conflict", message: "another partner already has this email", field: "email" })).toEqual({
      field: "email",
      message: "another partner already has this email",
    });
    expect(fieldError({ code: "invalid_input", message: "a W-8BEN needs its expiry date", field: "tax_form_expires" })?.field).toBe(
      "tax_form_expires",
    );
  });

  it("finds no field in other errors", () => {
    expect(fieldError({ code: "io", message: "disk: full", field: null })).toBeNull();
    expect(fieldError({ code: "invalid_input", message: "Something broke", field: null })).toBeNull();
    // A message that reads like "field: reason" still names no field.
    expect(fieldError({ code: "invalid_input", message: "email: taken", field: null })).toBeNull();
  });
});

describe("describeError", () => {
  it("puts the field's label in place of its name", () => {
    expect(describeError({ code: "conflict", message: "another partner already has this email", field: "email" }, { email: "Email" })).toBe(
      "Email: another partner already has this email.",
    );
    expect(describeError({ code: "invalid_input", message: "bad", field: "payout_currency" })).toBe("Payout currency: bad.");
  });

  it("keeps other messages as sentences", () => {
    expect(describeError({ code: "cancelled", message: "cancelled; nothing was changed", field: null })).toBe("Cancelled; nothing was changed.");
    expect(describeError({ code: "bad_row", message: 'a.csv, line 3, column "email": "x" is not an email address', field: null })).toBe(
      'a.csv, line 3, column "email": "x" is not an email address.',
    );
  });
});

describe("formRefusal", () => {
  const fieldOf = (f: string) => (f === "host" || f === "port" ? f : null);

  it("puts a known field's message under it", () => {
    expect(formRefusal({ code: "invalid_input", message: "must be between 1 and 65535", field: "port" }, fieldOf)).toEqual({
      errors: { port: "Must be between 1 and 65535." },
      banner: null,
    });
  });

  it("makes a banner of anything else", () => {
    expect(formRefusal({ code: "invalid_input", message: "not an email", field: "from_email" }, fieldOf, { from_email: "Sender email" })).toEqual({
      errors: {},
      banner: "Sender email: not an email.",
    });
    expect(formRefusal("connection refused", fieldOf).banner).toBe("Connection refused.");
  });
});
