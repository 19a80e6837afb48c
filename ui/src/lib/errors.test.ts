import { describe, expect, it } from "vitest";
import { describeError, fieldError, formRefusal, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps the backend's code and message", () => {
    expect(toAppError({ code: "conflict", message: "email: taken" })).toEqual({ code: "conflict", message: "email: taken" });
  });

  it("wraps strings, Errors and anything else", () => {
    expect(toAppError("boom")).toEqual({ code: "unknown", message: "boom" });
    expect(toAppError(new Error("bad"))).toEqual({ code: "unknown", message: "bad" });
    expect(toAppError(42).message).toBe("Something went wrong.");
  });
});

describe("fieldError", () => {
  it("splits the field from invalid_input and conflict messages", () => {
    expect(fieldError({ code: "conflict", message: "email: another partner already has this email" })).toEqual({
      field: "email",
      message: "another partner already has this email",
    });
    expect(fieldError({ code: "invalid_input", message: "tax_form_expires: a W-8BEN needs its expiry date" })?.field).toBe(
      "tax_form_expires",
    );
  });

  it("finds no field in other errors", () => {
    expect(fieldError({ code: "io", message: "disk: full" })).toBeNull();
    expect(fieldError({ code: "invalid_input", message: "Something broke" })).toBeNull();
  });
});

describe("describeError", () => {
  it("puts the field's label in place of its name", () => {
    expect(describeError({ code: "conflict", message: "email: another partner already has this email" }, { email: "Email" })).toBe(
      "Email: another partner already has this email.",
    );
    expect(describeError({ code: "invalid_input", message: "payout_currency: bad" })).toBe("Payout currency: bad.");
  });

  it("keeps other messages as sentences", () => {
    expect(describeError({ code: "cancelled", message: "cancelled; nothing was changed" })).toBe("Cancelled; nothing was changed.");
    expect(describeError({ code: "bad_row", message: 'a.csv, line 3, column "email": "x" is not an email address' })).toBe(
      'a.csv, line 3, column "email": "x" is not an email address.',
    );
  });
});

describe("formRefusal", () => {
  const fieldOf = (f: string) => (f === "host" || f === "port" ? f : null);

  it("puts a known field's message under it", () => {
    expect(formRefusal({ code: "invalid_input", message: "port: must be between 1 and 65535" }, fieldOf)).toEqual({
      errors: { port: "Must be between 1 and 65535." },
      banner: null,
    });
  });

  it("makes a banner of anything else", () => {
    expect(formRefusal({ code: "invalid_input", message: "from_email: not an email" }, fieldOf, { from_email: "Sender email" })).toEqual({
      errors: {},
      banner: "Sender email: not an email.",
    });
    expect(formRefusal("connection refused", fieldOf).banner).toBe("Connection refused.");
  });
});
