import { sign } from '../shared/integrity.js';
import type { AppendRequest, EpochCertificate } from './messages.js';
import type { SingleLeaderNode } from './node.js';

/**
 * Authenticated epochs: votes signed with each voter's key, and the
 * certificate a leader presents with its appends. A node that did not win an
 * epoch cannot make one (it holds no other node's key); one it saw for
 * another epoch or leader does not fit.
 */

/**
 * What a voter signs when it grants its vote.
 *
 * @example
 * votePayload(3, 'n2'); // 'vote:3:n2'
 */
export function votePayload(epoch: number, candidate: string): string {
  return `vote:${epoch}:${candidate}`;
}

/**
 * This node's signature of its vote for `candidate` in `epoch`.
 *
 * @example
 * const signature = signVote(node, 3, 'n2');
 */
export function signVote(node: SingleLeaderNode, epoch: number, candidate: string): string {
  return sign(node.keyOf(node.ctx.id), votePayload(epoch, candidate));
}

/**
 * True when the append carries a certificate that proves its sender won its
 * epoch: the same epoch and leader, and valid signatures of distinct cluster
 * nodes, a majority of them. Checked certificates are remembered.
 *
 * @example
 * if (!provesEpoch(node, msg)) return; // ignore a forged leader
 */
export function provesEpoch(node: SingleLeaderNode, msg: AppendRequest): boolean {
  const certificate = msg.certificate;
  if (certificate === undefined || certificate.epoch !== msg.epoch || certificate.leader !== msg.leader) return false;
  const mark = JSON.stringify(certificate);
  if (node.provenEpochs.has(mark)) return true;
  const cluster = [node.ctx.id, ...node.peers];
  const voters = new Set<string>();
  for (const { voter, signature } of certificate.votes) {
    if (!cluster.includes(voter) || voters.has(voter)) continue;
    if (signature === sign(node.keyOf(voter), votePayload(certificate.epoch, certificate.leader))) voters.add(voter);
  }
  const proven = voters.size >= Math.floor(cluster.length / 2) + 1;
  if (proven) node.provenEpochs.add(mark);
  return proven;
}

/**
 * The certificate of an election just won, from the signed votes collected.
 *
 * @example
 * node.certificate = certificateOf(4, 'n2', new Map([['n2', 'ab'], ['n3', 'cd']]));
 */
export function certificateOf(epoch: number, leader: string, signatures: ReadonlyMap<string, string>): EpochCertificate {
  return { epoch, leader, votes: [...signatures].map(([voter, signature]) => ({ voter, signature })) };
}
