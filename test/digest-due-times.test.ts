import { describe, expect, it } from "vitest";
import { dueDate, nextPost, deliveryKey } from "../src/digest/schedule.js";
import type { Delivery, Subscription } from "../src/store/schema.js";
import { subscription } from "./support/subscription.js";

const sub = subscription;

/** Walks a clock minute by minute and returns the local dates on which the digest fell due (and was then posted). */
function postsBetween(s: Subscription, fromIso: string, toIso: string): string[] {
  const deliveries: Record<string, Delivery> = {};
  const posted: string[] = [];
  for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 60_000) {
    const date = dueDate(s, deliveries, new Date(t));
    if (date) {
      posted.push(date);
      deliveries[deliveryKey("", s.channel, date)] = {
        workspace: "",
        channel: s.channel,
        date,
        attemptedAt: new Date(t).toISOString(),
        ts: "1",
      };
    }
  }
  return posted;
}

describe("a daily digest", () => {
  it("is due once the channel's local time passes its time, and not before", () => {
    expect(dueDate(sub(), {}, new Date("2026-06-10T06:59:00Z"))).toBeUndefined(); // 07:59 BST
    expect(dueDate(sub(), {}, new Date("2026-06-10T07:00:00Z"))).toBe("2026-06-10"); // 08:00 BST
  });

  it("goes out once a day, on every day of a week", () => {
    expect(postsBetween(sub(), "2026-06-08T00:00:00Z", "2026-06-14T23:59:00Z")).toEqual([
      "2026-06-08",
      "2026-06-09",
      "2026-06-10",
      "2026-06-11",
      "2026-06-12",
      "2026-06-13",
      "2026-06-14",
    ]);
  });

  it("with `weekdays`, skips Saturday and Sunday", () => {
    expect(postsBetween(sub({ weekdaysOnly: true }), "2026-06-08T00:00:00Z", "2026-06-14T23:59:00Z")).toHaveLength(5);
    expect(dueDate(sub({ weekdaysOnly: true }), {}, new Date("2026-06-13T09:00:00Z"))).toBeUndefined();
  });

  it("is not due again after a restart when today's went out (the record is what counts)", () => {
    const deliveries = {
      [deliveryKey("", "C1", "2026-06-10")]: {
        workspace: "",
        channel: "C1",
        date: "2026-06-10",
        attemptedAt: "2026-06-10T07:00:00Z",
      },
    };
    expect(dueDate(sub(), deliveries, new Date("2026-06-10T12:00:00Z"))).toBeUndefined();
  });

  it("missed earlier today goes out at start; earlier days are not back-filled", () => {
    expect(dueDate(sub({ lastPostedDate: "2026-06-07" }), {}, new Date("2026-06-10T15:00:00Z"))).toBe("2026-06-10");
    expect(postsBetween(sub({ lastPostedDate: "2026-06-07" }), "2026-06-10T15:00:00Z", "2026-06-10T23:00:00Z")).toEqual(
      ["2026-06-10"],
    );
  });

  it("is paused while the bot cannot post in the channel", () => {
    expect(dueDate(sub({ pausedReason: "not_in_channel" }), {}, new Date("2026-06-10T12:00:00Z"))).toBeUndefined();
    expect(nextPost(sub({ pausedReason: "not_in_channel" }), {}, new Date("2026-06-10T12:00:00Z"))).toBeUndefined();
  });
});

describe("clock changes (Europe/London)", () => {
  it.each(["00:30", "01:30", "02:30", "08:00", "23:59"])(
    "spring forward (29 March 2026) at %s: neither skipped nor doubled",
    (time) => {
      expect(postsBetween(sub({ time }), "2026-03-28T00:00:00Z", "2026-03-30T22:59:00Z")).toEqual([
        "2026-03-28",
        "2026-03-29",
        "2026-03-30",
      ]);
    },
  );

  it.each(["00:30", "01:30", "02:30", "08:00", "23:59"])(
    "fall back (25 October 2026) at %s: neither skipped nor doubled",
    (time) => {
      expect(postsBetween(sub({ time }), "2026-10-24T00:00:00Z", "2026-10-26T23:59:00Z")).toEqual([
        "2026-10-24",
        "2026-10-25",
        "2026-10-26",
      ]);
    },
  );

  it("the next post is at 08:00 local on either side of the change", () => {
    const done = (date: string) => ({
      [deliveryKey("", "C1", date)]: { workspace: "", channel: "C1", date, attemptedAt: "x", ts: "1" },
    });
    expect(nextPost(sub(), done("2026-03-28"), new Date("2026-03-28T12:00:00Z"))?.toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
    expect(nextPost(sub(), done("2026-10-24"), new Date("2026-10-24T12:00:00Z"))?.toISOString()).toBe(
      "2026-10-25T08:00:00.000Z",
    );
    expect(nextPost(sub(), {}, new Date("2026-10-24T12:00:00Z"))?.toISOString()).toBe("2026-10-24T12:00:00.000Z"); // missed today: now
  });
});
