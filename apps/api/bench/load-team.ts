// The load benchmark's team: the owner's trained workspace, members invited into it, and what they check.
import { graphqlRequest, signUpAt, type TrainedWorkspace } from "@retrain/testing";

/** `count` members signed up and joined to the owner's workspace through invitation links; their tokens. */
export async function inviteMembers(url: string, owner: TrainedWorkspace, count: number): Promise<string[]> {
  const members: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `member${i}@load.test`;
    const invited = await graphqlRequest<{ inviteMember: { token: string } }>(
      url,
      "mutation($w: ID!, $e: String!) { inviteMember(workspaceId: $w, email: $e, role: MEMBER) { token } }",
      { w: owner.workspaceId, e: email },
      owner.token,
    );
    const token = await signUpAt(url, email);
    await graphqlRequest(
      url,
      "mutation($t: String!) { acceptInvitation(token: $t) { id } }",
      { t: invited.data?.inviteMember.token },
      token,
    );
    members.push(token);
  }
  return members;
}

/** The runs' statuses counted, once none is still queued or running (undefined after `timeoutMs`). */
export async function finishedRuns(url: string, token: string, runIds: string[], timeoutMs: number) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 2000))) {
    const counts: Record<string, number> = {};
    for (const id of runIds) {
      const answer = await graphqlRequest<{ run: { status: string } }>(
        url,
        "query($id: ID!) { run(id: $id) { status } }",
        { id },
        token,
      );
      const status = answer.data?.run.status ?? "unreadable";
      counts[status] = (counts[status] ?? 0) + 1;
    }
    if (Object.keys(counts).every((s) => ["SUCCEEDED", "FAILED", "CANCELLED"].includes(s))) return counts;
  }
  return undefined;
}

/** Every image of a dataset, page by page. */
export async function storedImageIds(url: string, token: string, datasetId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let after: string | null = null; ; ) {
    type Page = { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    const answer: { data?: { images: Page } } = await graphqlRequest(
      url,
      "query($d: ID!, $a: String) { images(datasetId: $d, first: 200, after: $a) { nodes { id } pageInfo { endCursor hasNextPage } } }",
      { d: datasetId, a: after },
      token,
    );
    for (const node of answer.data?.images.nodes ?? []) ids.add(node.id);
    if (!answer.data?.images.pageInfo.hasNextPage) return ids;
    after = answer.data.images.pageInfo.endCursor;
  }
}
