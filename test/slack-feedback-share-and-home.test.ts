import { describe, expect, it } from "vitest";
import { settle, testBotForEachTest, type TestBot } from "./support/bot.js";
import { STORE_KINDS } from "./support/stores.js";

let t: TestBot;
describe.each(STORE_KINDS)("%s store", (kind) => {
  testBotForEachTest({ store: kind }, (bot) => (t = bot));

  const click = (
    action: "feedback_up" | "feedback_down" | "share_answer",
    user = "U1",
    value = action === "feedback_down" ? "down" : "up",
  ) => ({
    type: "block_actions",
    user: { id: user },
    team: { id: "T1" },
    api_app_id: "A1",
    trigger_id: `trig-${Math.random()}`,
    channel: { id: "C1" },
    container: { type: "message", channel_id: "C1", message_ts: "1700000000.000001" },
    message: { ts: "1700000000.000001", text: "answer" },
    response_url: `${t.standIn.responseUrl}/action`,
    actions: [{ type: "button", action_id: action, block_id: "b", value, action_ts: "1" }],
  });

  describe("feedback buttons", () => {
    it("record the last click per person and answer", async () => {
      expect((await t.interaction(click("feedback_up"))).status).toBe(200);
      await settle(50);
      await t.interaction(click("feedback_down"));
      await t.interaction(click("feedback_up", "U2"));
      await settle(100);
      const clicks = await Promise.all(["U1", "U2", "U3"].map((u) => t.store.feedback(`C1:1700000000.000001:${u}`)));
      expect(clicks.map((f) => f && [f.user, f.value])).toEqual([["U1", "down"], ["U2", "up"], undefined]);
    });

    it("open an optional 'what was wrong?' modal on 👎, whose answer is kept", async () => {
      await t.interaction(click("feedback_down"));
      const [open] = await t.waitFor("views.open");
      const view = open!.args.view as { callback_id: string; private_metadata: string };
      expect(view.callback_id).toBe("feedback_reason");
      await t.interaction({
        type: "view_submission",
        user: { id: "U1" },
        team: { id: "T1" },
        api_app_id: "A1",
        view: {
          id: "V1",
          callback_id: "feedback_reason",
          private_metadata: view.private_metadata,
          state: { values: { reason: { text: { type: "plain_text_input", value: "wrong unit" } } } },
        },
      });
      await settle(100);
      expect(await t.store.feedback("C1:1700000000.000001:U1")).toMatchObject({ value: "down", comment: "wrong unit" });
    });
  });

  describe("Share in channel", () => {
    it("posts a private answer publicly, saying who shared it", async () => {
      await t.interaction(click("share_answer", "U7", "LLR score"));
      const [post] = await t.waitFor("chat.postMessage");
      const text = JSON.stringify(post!.args.blocks);
      expect(text).toContain("<@U7> shared: LLR score");
      expect(text).toContain("3/21");
    });
  });

  describe("the App Home tab", () => {
    it("shows every rated unit with its rating, score and date, and how to ask", async () => {
      await t.event({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" });
      const [publish] = await t.waitFor("views.publish");
      const view = JSON.stringify(publish!.args.view);
      expect(publish!.args.user_id).toBe("U1");
      expect(view).toContain("Leicester, Leicestershire and Rutland PDU");
      expect(view).toContain("(3/21)");
      expect(view).toContain("Mar 2025");
      expect(view).toContain("Derby City");
      expect(view).toContain("/probation");
    });
  });
});
