// The PostgreSQL schema, as versioned migrations: applied in order, each once, in its own transaction, under an
// advisory lock so that replicas starting together do not race (see migrate in postgres.ts). Never edit one that
// has shipped: add the next version.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "threads, events, feedback, subscriptions, deliveries",
    sql: `
      CREATE TABLE threads (
        channel text NOT NULL,
        thread_ts text NOT NULL,
        context jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (channel, thread_ts)
      );
      CREATE INDEX threads_by_updated_at ON threads (updated_at);

      -- A Slack event or slash command: the unique key is what makes a retry or replay a no-op (insert or nothing).
      -- A pending one is leased by the process answering it; an expired lease lets another replica claim it.
      CREATE TABLE events (
        key text PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('pending', 'done')),
        at timestamptz NOT NULL,
        body jsonb,
        claimed_by text,
        claimed_until timestamptz
      );
      CREATE INDEX events_pending_by_at ON events (at) WHERE state = 'pending';
      CREATE INDEX events_by_at ON events (at);

      CREATE TABLE feedback (key text PRIMARY KEY, record jsonb NOT NULL, at timestamptz NOT NULL);
      CREATE TABLE subscriptions (channel text PRIMARY KEY, record jsonb NOT NULL);
      -- One row per channel and local date: the claim on a digest, made before it is posted.
      CREATE TABLE deliveries (
        channel text NOT NULL,
        date text NOT NULL,
        record jsonb NOT NULL,
        attempted_at timestamptz NOT NULL,
        PRIMARY KEY (channel, date)
      );
    `,
  },
  {
    version: 2,
    name: "records keyed by workspace; installations",
    sql: `
      -- "" is the single workspace of SLACK_BOT_TOKEN: the rows written before keep their meaning.
      ALTER TABLE threads ADD COLUMN workspace text NOT NULL DEFAULT '';
      ALTER TABLE threads DROP CONSTRAINT threads_pkey, ADD PRIMARY KEY (workspace, channel, thread_ts);
      ALTER TABLE subscriptions ADD COLUMN workspace text NOT NULL DEFAULT '';
      ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_pkey, ADD PRIMARY KEY (workspace, channel);
      ALTER TABLE deliveries ADD COLUMN workspace text NOT NULL DEFAULT '';
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_pkey, ADD PRIMARY KEY (workspace, channel, date);
      -- Feedback and events carry their workspace in their key (requests.ts, feedback.ts).
      CREATE INDEX feedback_by_at ON feedback (at);
      -- A workspace's installation (the OAuth install): Slack's record, with its tokens.
      CREATE TABLE installations (key text PRIMARY KEY, record jsonb NOT NULL, updated_at timestamptz NOT NULL);
    `,
  },
];
