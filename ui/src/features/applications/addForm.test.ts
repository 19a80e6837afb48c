import { describe, expect, it } from "vitest";
import { addFieldOf, EMPTY_ADD, toInput } from "./addForm";

describe("add by hand form", () => {
  it("needs a name and an email, and a whole-number audience", () => {
    expect(toInput({ ...EMPTY_ADD, audience: "12k" })).toEqual({
      errors: {
        name: "Enter the applicant's name.",
        email: "Enter the applicant's email.",
        audience: "A whole number of followers, readers or subscribers.",
      },
    });
  });

  it("sends the trimmed fields and reads 12,000 as a number", () => {
    const draft = { name: " Zoë Adams ", email: "zoe@example.com ", website: "zoe.blog", country: "fr", audience: "12,000", promotion: "Newsletter" };
    expect(toInput(draft)).toEqual({
      input: {
        name: "Zoë Adams",
        email: "zoe@example.com",
        website: "zoe.blog",
        social_profiles: [],
        country: "fr",
        audience_size: 12000,
        promotion: "Newsletter",
        categories: [],
        answers: {},
        payout_account: "",
      },
    });
    expect(toInput({ ...draft, audience: "" })).toMatchObject({ input: { audience_size: null } });
  });

  it("maps backend field names to the form's", () => {
    expect(addFieldOf("audience_size")).toBe("audience");
    expect(addFieldOf("email")).toBe("email");
    expect(addFieldOf("social_profiles")).toBeNull();
  });
});
