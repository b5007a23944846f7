// Whose a record is. Every record (thread, question, feedback, subscription, delivery) is kept under its
// workspace's key, so that no workspace reads another's. With one SLACK_BOT_TOKEN there is one workspace, keyed
// "" (its records keep the keys they had before workspaces existed); with the OAuth install a workspace is its
// team id, preceded by its enterprise id where it belongs to an Enterprise Grid org ("E1:T1").
export interface WorkspaceIds {
  teamId?: string;
  enterpriseId?: string;
  /** An org-wide install: one installation for every workspace of the enterprise. */
  isEnterpriseInstall?: boolean;
}

export function workspaceKey({ teamId, enterpriseId }: WorkspaceIds): string {
  return enterpriseId ? `${enterpriseId}:${teamId ?? ""}` : (teamId ?? "");
}

export function workspaceIds(key: string): WorkspaceIds {
  const [first = "", second] = key.split(":");
  return second === undefined ? { teamId: first } : { enterpriseId: first, ...(second ? { teamId: second } : {}) };
}

/** A record's key within its workspace. */
export const inWorkspace = (workspace: string, key: string) => (workspace ? `${workspace}/${key}` : key);

/** The workspace of a key made by inWorkspace. */
export const workspaceOfKey = (key: string) => (key.includes("/") ? key.slice(0, key.indexOf("/")) : "");

/** Whether a workspace is covered by an installation (an org-wide one, "E1:", covers every workspace of E1). */
export const coveredBy = (installation: string, workspace: string) =>
  installation.endsWith(":") ? workspace.startsWith(installation) : workspace === installation;

/** The key an installation is kept under: the workspace's, or the enterprise's alone ("E1:") for an org-wide install. */
export function installationKey(ids: WorkspaceIds): string {
  return ids.isEnterpriseInstall ? `${ids.enterpriseId ?? ""}:` : workspaceKey(ids);
}

export const subscriptionKey = (workspace: string, channel: string) => inWorkspace(workspace, channel);
