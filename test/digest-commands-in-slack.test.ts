import { describe, expect, it } from "vitest";
import { testBotForEachTest, type TestBot } from "./support/bot.js";
import { STORE_KINDS } from "./support/stores.js";

let t: TestBot;
describe.each(STORE_KINDS)("%s store", (kind) => {
  testBotForEachTest({ store: kind }, (bot) => (t = bot));

  async function reply(text: string): Promise<string> {
    const before = t.standIn.callsTo("respond").length;
    await t.command(text, { channel: "C42" });
    const calls = await t.waitFor("respond", before + 1);
    return JSON.stringify(calls.at(-1)!.args);
  }

  describe("/probation digest", () => {
    it("`on HH:MM weekdays` subscribes the channel", async () => {
      expect(await reply("digest on 07:30 weekdays")).toMatch(/Monday to Friday at 07:30 \(Europe\/London\)/);
      expect((await t.store.read()).subscriptions.C42).toMatchObject({
        time: "07:30",
        weekdaysOnly: true,
        createdBy: "U123",
      });
    });

    it("`on` alone means every day at 08:00", async () => {
      await reply("digest on");
      expect((await t.store.read()).subscriptions.C42).toMatchObject({ time: "08:00", weekdaysOnly: false });
    });

    it("a malformed time gets the right form and subscribes nothing", async () => {
      expect(await reply("digest on 25:00")).toMatch(
        /couldn't read .*25:00.* as a time.*digest on \[HH:MM\] \[weekdays\]/,
      );
      expect(await reply("digest on 8am")).toMatch(/as a time/);
      expect((await t.store.read()).subscriptions.C42).toBeUndefined();
    });

    it("`status` gives the time, the next post and the last one", async () => {
      await reply("digest on 09:15");
      expect(await reply("digest status")).toMatch(/every day at 09:15.*Next post: .*Last post: none yet/);
    });

    it("`preview` shows today's digest only to the asker", async () => {
      const r = await reply("digest preview");
      expect(r).toContain('"response_type":"ephemeral"');
      expect(r).toContain("Finding of the day");
      expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
    });

    it("`off` unsubscribes", async () => {
      await reply("digest on");
      expect(await reply("digest off")).toMatch(/turned off/);
      expect((await t.store.read()).subscriptions.C42).toBeUndefined();
    });
  });
});
