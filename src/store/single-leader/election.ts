import { certificateOf, signVote } from './epoch-certificate.js';
import { DiskFullError } from '../../sim/node.js';
import { majorityOf } from './config.js';
import type { VoteReply, VoteRequest } from './messages.js';
import { ELECTION_TIMER, type SingleLeaderNode } from './node.js';
import { candidateEpoch, mayPromote, promote, voteForSelf } from './standby.js';

/**
 * An election this node is running. `preVote`: the dry run that precedes it (no epoch
 * is spent until a majority would vote); `transfer`: a switchover target standing at
 * the old leader's request.
 *
 * @example
 * const c: Candidacy = { epoch: 4, preVote: true, transfer: false, votes: new Set(['n2']) };
 */
export interface Candidacy {
  epoch: number;
  preVote: boolean;
  transfer: boolean;
  votes: Set<string>;
  /** With authenticated epochs: each real vote's signature, by voter. */
  signatures?: Map<string, string>;
}

/**
 * Stands for election in the next epoch: first a pre-vote, then (on a majority of
 * would-be votes) the real vote. A switchover target (`transfer`) skips the pre-vote.
 *
 * @example
 * standForElection(node, false);
 */
export function standForElection(node: SingleLeaderNode, transfer: boolean): void {
  // A node still fetching back what rotted on its disk may lack committed entries: it must not lead.
  if (node.replica.recovering) return;
  // With a standby, a node sure to hold every acknowledged write promotes itself; any other stands as usual.
  if (node.config.standby !== null && mayPromote(node)) return promote(node, false);
  if (transfer) return startVote(node, true);
  node.candidacy = { epoch: candidateEpoch(node), preVote: true, transfer: false, votes: new Set([node.ctx.id]) };
  requestVotes(node);
}

/**
 * The election timer: stand (again) unless a live leader turned up meanwhile.
 *
 * @example
 * if (name === ELECTION_TIMER) onElectionTimer(node);
 */
export function onElectionTimer(node: SingleLeaderNode): void {
  node.electionArmed = false;
  if (node.role === 'leader') return;
  if (node.leaderId !== undefined && node.watch.status(node.ctx.now()) !== 'declared') return;
  standForElection(node, false);
  // Retry if this round of votes fails (split vote, lost messages): randomised so candidates spread out.
  node.electionArmed = true;
  node.ctx.setTimer(node.config.electionTimeoutMs * (1 + node.ctx.random()), ELECTION_TIMER);
}

function startVote(node: SingleLeaderNode, transfer: boolean): void {
  const epoch = voteForSelf(node);
  if (epoch === undefined) return;
  if (node.role === 'leader') node.becomeFollower(undefined, 'standing-for-election');
  node.role = 'candidate';
  node.leaderId = undefined;
  node.candidacy = { epoch, preVote: false, transfer, votes: new Set([node.ctx.id]) };
  if (node.config.authenticatedEpochs) node.candidacy.signatures = new Map([[node.ctx.id, signVote(node, epoch, node.ctx.id)]]);
  node.ctx.trace('candidate', { epoch, transfer });
  requestVotes(node);
}

function requestVotes(node: SingleLeaderNode): void {
  const candidacy = node.candidacy!;
  if (candidacy.votes.size >= majorityOf(node.peers.length + 1)) return won(node, candidacy);
  const log = node.replica.log;
  for (const peer of node.peers) {
    const request: VoteRequest = {
      kind: 'vote-request',
      epoch: candidacy.epoch,
      candidate: node.ctx.id,
      lastEpoch: log.lastEpoch,
      lastOffset: log.lastOffset,
      preVote: candidacy.preVote,
      transfer: candidacy.transfer,
    };
    node.ctx.send(peer, request);
  }
}

function won(node: SingleLeaderNode, candidacy: Candidacy): void {
  if (candidacy.preVote) return startVote(node, false);
  if (candidacy.signatures !== undefined) node.certificate = certificateOf(candidacy.epoch, node.ctx.id, candidacy.signatures);
  node.becomeLeader([...candidacy.votes]);
}

/**
 * A voter's answer. At most one vote per epoch, persisted before it is sent; only
 * for a candidate whose log is at least as up to date (last epoch, then last offset);
 * and none while this node still hears from a live leader (unless it is a
 * switchover), so a node that was merely cut off cannot depose a healthy leader.
 * A pre-vote changes no state.
 *
 * @example
 * handleVoteRequest(node, 'n2', { kind: 'vote-request', epoch: 3, candidate: 'n2', lastEpoch: 2, lastOffset: 9, preVote: false, transfer: false });
 */
export function handleVoteRequest(node: SingleLeaderNode, from: string, req: VoteRequest): void {
  const { replica } = node;
  const answer = (granted: boolean): void => {
    const reply: VoteReply = { kind: 'vote-reply', epoch: replica.epoch, granted, preVote: req.preVote };
    if (granted && !req.preVote && node.config.authenticatedEpochs) reply.signature = signVote(node, req.epoch, req.candidate);
    node.ctx.send(from, reply);
  };
  // Still fetching back entries that rotted on disk: judge the candidate against the log as it was.
  const lost = replica.recoverTo;
  if (replica.recovering && (req.lastEpoch < lost.epoch || (req.lastEpoch === lost.epoch && req.lastOffset < lost.offset))) return answer(false);
  if (req.epoch < replica.epoch || (req.preVote && req.epoch === replica.epoch)) return answer(false);
  // With a standby the only candidate is the other node: when it is the very leader we still
  // hear from (it stepped down, e.g. on losing its quorum), no healthy leader is deposed.
  const standsDown = node.config.standby !== null && req.candidate === node.leaderId;
  if (!req.transfer && !standsDown && hearsLiveLeader(node)) return answer(false);
  const upToDate = candidateUpToDate(node, req);
  if (req.preVote) return answer(upToDate);
  if (req.epoch > replica.epoch) node.adoptEpoch(req.epoch, req.transfer ? 'switchover' : 'higher-epoch-vote');
  if (!upToDate || (replica.votedFor !== null && replica.votedFor !== req.candidate)) return answer(false);
  try {
    replica.persistVote(req.epoch, req.candidate);
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    return answer(false);
  }
  // Having voted, stop following the old leader and give the candidate time to win
  // before standing ourselves (the failure check re-arms the election if it does not).
  node.becomeFollower(undefined, 'voted');
  node.watch.heartbeat(node.ctx.now());
  node.ctx.cancelTimer(ELECTION_TIMER);
  node.electionArmed = false;
  answer(true);
}

/**
 * True when the candidate's log is at least as up to date as ours (last epoch, then
 * last offset). The failover-least-up-to-date mutation turns the comparison round:
 * only a candidate whose log is no further ahead than ours qualifies.
 */
function candidateUpToDate(node: SingleLeaderNode, req: VoteRequest): boolean {
  const log = node.replica.log;
  if (node.mutations.on('failover-least-up-to-date')) {
    return req.lastEpoch < log.lastEpoch || (req.lastEpoch === log.lastEpoch && req.lastOffset <= log.lastOffset);
  }
  return req.lastEpoch > log.lastEpoch || (req.lastEpoch === log.lastEpoch && req.lastOffset >= log.lastOffset);
}

function hearsLiveLeader(node: SingleLeaderNode): boolean {
  if (node.role === 'leader') return true;
  return node.role === 'follower' && node.leaderId !== undefined && node.watch.status(node.ctx.now()) !== 'declared';
}

/**
 * Counts a vote (or pre-vote); a majority wins. A refusal from a later epoch sends
 * this node back to following.
 *
 * @example
 * handleVoteReply(node, 'n3', { kind: 'vote-reply', epoch: 2, granted: true, preVote: false });
 */
export function handleVoteReply(node: SingleLeaderNode, from: string, reply: VoteReply): void {
  if (reply.epoch > node.replica.epoch && !(reply.preVote && reply.granted)) {
    return node.adoptEpoch(reply.epoch, 'higher-epoch-vote-reply');
  }
  const candidacy = node.candidacy;
  if (candidacy === undefined || !reply.granted || reply.preVote !== candidacy.preVote) return;
  if (!candidacy.preVote && reply.epoch !== candidacy.epoch) return;
  if (candidacy.signatures !== undefined) {
    if (reply.signature === undefined) return;
    candidacy.signatures.set(from, reply.signature);
  }
  candidacy.votes.add(from);
  if (candidacy.votes.size >= majorityOf(node.peers.length + 1)) won(node, candidacy);
}
