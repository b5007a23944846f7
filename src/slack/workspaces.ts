// One workspace (SLACK_BOT_TOKEN) or many (the OAuth install, with Bolt's installer): which workspace a request
// came from, and the token to post with in it. The installations are kept in our store (PostgreSQL or lowdb);
// @slack/oauth's installer runs the install pages (/slack/install, /slack/oauth_redirect) and, with token rotation
// turned on in the app's settings, refreshes a workspace's token when it is about to expire (its authorize()).
import type { Installation, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import { InstallProvider } from "@slack/oauth";
import type { WebClient } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Store } from "../store/db.js";
import type { InstallationRecord } from "../store/schema.js";
import { installationKey, workspaceIds, workspaceKey, type WorkspaceIds } from "../store/workspace.js";
import { clientOptions, posterClient } from "./client.js";

/** The bot's scopes, asked for at install: the same as manifest.yml's oauth_config.scopes.bot. */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "app_mentions:read",
  "channels:history",
  "groups:history",
  "im:history",
  "im:read",
  "im:write",
  "reactions:write",
];

/** The installer's pages, as Slack's app settings must name them (Redirect URLs: https://YOUR-HOST/slack/oauth_redirect). */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** Tokens kept in memory for posting: one client per token, the oldest dropped beyond this many. */
const MAX_POSTER_CLIENTS = 1_000;

/** A workspace has no installation (never installed, or uninstalled): nothing can be posted there. */
export class NotInstalledError extends Error {}

/** @slack/oauth's InstallationStore over our store: an installation under its workspace's key. */
export function storeInstallations(store: Store): InstallationStore {
  return {
    async storeInstallation(installation) {
      const ids = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      };
      await store.saveInstallation(installationKey(ids), installation as unknown as InstallationRecord);
    },
    async fetchInstallation(query) {
      const found = await store.installation(installationKey(query));
      if (!found) throw new NotInstalledError(`the app is not installed in workspace ${describeQuery(query)}`);
      return found as unknown as Installation;
    },
    async deleteInstallation(query) {
      await store.deleteInstallation(installationKey(query));
    },
  };
}

const describeQuery = (q: InstallationQuery<boolean>) =>
  q.isEnterpriseInstall ? `${q.enterpriseId} (org-wide)` : workspaceKey(q);

/** The options Bolt's receivers take for the OAuth install (undefined with SLACK_BOT_TOKEN). */
export function installerOptions(config: Config, store: Store, logger?: Logger) {
  if (!config.oauth) return undefined;
  return {
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    stateSecret: config.oauth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: storeInstallations(store),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // /slack/install goes straight on to Slack's consent page (with the state cookie set), no page of ours between.
      directInstall: true,
      // oauth.v2.access (the install, and refreshing a rotated token) through the same Web API base and timeouts.
      clientOptions: clientOptions(config.SLACK_API_URL, logger),
    },
  };
}

/** The installer outside the bot (npm run digest -- --once posts with each workspace's token too). */
export function standaloneInstaller(config: Config, store: Store, logger?: Logger): InstallProvider | undefined {
  const options = installerOptions(config, store, logger);
  if (!options) return undefined;
  return new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    installationStore: options.installationStore,
    clientOptions: options.installerOptions.clientOptions,
    ...(logger ? { logger } : {}),
  });
}

export interface Workspaces {
  /** The workspace a request came from (Bolt's context: team and enterprise ids); "" with SLACK_BOT_TOKEN. */
  of(ids: WorkspaceIds): string;
  /** A client that never retries by itself (post.ts), for a bot token. */
  poster(token: string | undefined): WebClient;
  /** The poster of a workspace, outside any request (digests): its installation's token, refreshed when due. */
  posterOf(workspace: string): Promise<WebClient>;
}

export function workspaces(
  config: Config,
  installer: Pick<InstallProvider, "authorize"> | undefined,
  logger?: Logger,
): Workspaces {
  const clients = new Map<string, WebClient>();
  const poster = (token: string | undefined): WebClient => {
    const key = token ?? config.SLACK_BOT_TOKEN ?? "";
    let client = clients.get(key);
    if (!client) {
      client = posterClient(key, config.SLACK_API_URL, logger);
      clients.set(key, client);
      if (clients.size > MAX_POSTER_CLIENTS) clients.delete(clients.keys().next().value!);
    }
    return client;
  };
  if (!installer) return { of: () => "", poster, posterOf: async () => poster(config.SLACK_BOT_TOKEN) };
  return {
    of: workspaceKey,
    poster,
    async posterOf(workspace) {
      const ids = workspaceIds(workspace);
      const queries: InstallationQuery<boolean>[] = [
        { ...ids, isEnterpriseInstall: false } as InstallationQuery<false>,
      ];
      if (ids.enterpriseId)
        queries.push({ enterpriseId: ids.enterpriseId, teamId: undefined, isEnterpriseInstall: true });
      let lastError: unknown;
      for (const query of queries) {
        try {
          const { botToken } = await installer.authorize(query);
          if (botToken) return poster(botToken);
        } catch (error) {
          lastError = error;
        }
      }
      throw new NotInstalledError(
        `no bot token for workspace ${workspace}: ${(lastError as Error | undefined)?.message ?? "its installation has none"}`,
      );
    },
  };
}
