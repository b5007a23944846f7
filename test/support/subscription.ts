// A channel's digest subscription as the tests need it: 08:00 London every day, unless a test says otherwise.
import type { Subscription } from "../../src/store/schema.js";

export const subscription = (over: Partial<Subscription> = {}): Subscription => ({
  workspace: "",
  channel: "C1",
  time: "08:00",
  weekdaysOnly: false,
  timeZone: "Europe/London",
  createdBy: "U1",
  createdAt: "2026-01-01T00:00:00Z",
  shownFindings: [],
  ...over,
});
