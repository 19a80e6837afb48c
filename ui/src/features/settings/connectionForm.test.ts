import { describe, expect, it } from "vitest";
import { connectionFieldOf, emptyConnectionForm, formToConnection, formToKeys, keysFieldOf, withPlatform } from "./connectionForm";

describe("connection form", () => {
  it("starts on PartnerStack, named after it, with the platform's own address", () => {
    expect(emptyConnectionForm()).toEqual({ platform: "partnerstack", name: "partnerstack", baseUrl: "", user: "", password: "" });
  });

  it("follows the platform with a name left as the default, and keeps a typed one", () => {
    const typed = { ...emptyConnectionForm(), user: "pk", password: "sk" };
    expect(withPlatform(typed, "rewardful")).toEqual({ platform: "rewardful", name: "rewardful", baseUrl: "", user: "", password: "" });
    expect(withPlatform({ ...typed, name: "Acme EU" }, "rewardful").name).toBe("Acme EU");
  });

  it("trims what it sends; an empty base URL is the platform's own; Rewardful has no password", () => {
    const ps = formToConnection({ platform: "partnerstack", name: " ps ", baseUrl: " ", user: " pk_1 ", password: " sk_1 " });
    expect(ps).toEqual({ connection: { name: "ps", platform: "partnerstack", baseUrl: null, user: "pk_1", password: "sk_1" } });
    const rw = formToConnection({ platform: "rewardful", name: "rw", baseUrl: "http://127.0.0.1:9/v1", user: "secret", password: "left over" });
    expect(rw).toEqual({ connection: { name: "rw", platform: "rewardful", baseUrl: "http://127.0.0.1:9/v1", user: "secret", password: null } });
  });

  it("asks for what is missing, in the platform's words", () => {
    const r = formToConnection({ platform: "partnerstack", name: "", baseUrl: "", user: "", password: "" });
    expect(r).toEqual({ errors: { name: "Give the connection a name.", user: "Enter the public key.", password: "Enter the secret key." } });
    expect(formToConnection({ platform: "rewardful", name: "rw", baseUrl: "", user: "", password: "" })).toEqual({ errors: { user: "Enter the API secret." } });
  });

  it("replaces keys with what the platform needs, trimmed, or says what is missing", () => {
    expect(formToKeys("partnerstack", { user: " pk_2 ", password: " sk_2 " })).toEqual({ keys: { user: "pk_2", password: "sk_2" } });
    expect(formToKeys("partnerstack", { user: "pk_2", password: "  " })).toEqual({ errors: { password: "Enter the secret key." } });
    expect(formToKeys("rewardful", { user: " rw ", password: "left over" })).toEqual({ keys: { user: "rw", password: null } });
    expect(formToKeys("rewardful", { user: "", password: "" })).toEqual({ errors: { user: "Enter the API secret." } });
    expect(keysFieldOf("password")).toBe("password");
    expect(keysFieldOf("name")).toBeNull();
  });

  it("maps the core's field names to the form's", () => {
    expect(connectionFieldOf("base_url")).toBe("baseUrl");
    expect(connectionFieldOf("password")).toBe("password");
    expect(connectionFieldOf("keys")).toBeNull();
  });
});
