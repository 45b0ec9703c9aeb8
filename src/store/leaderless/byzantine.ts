import type { ByzantineHooks, ByzantineTools } from '../definition.js';
import { forgedValue } from '../shared/integrity.js';
import type { KeyState } from './key-state.js';
import type { LeaderlessMessage } from './messages.js';

/** How far ahead of the real version a lying replica claims its made-up one is. */
const FORGED_TAG_LEAD = 1000;

/**
 * How a leaderless node misbehaves under the byzantine faults it can act out.
 *
 * - lie-read: as a replica, it answers each coordinator's read with a value it
 *   never stored, under a tag ahead of everything, so that the value wins the
 *   merge (and ABD writes it back). Read verification outvotes it.
 *
 * The other kinds (corrupt-message, corrupt-disk, replay-old) are not acted out
 * by this store yet, and equivocate and forge-epoch need a leader.
 *
 * @example
 * leaderlessStore({ readVerification: true }).byzantine!.tamper['lie-read'];
 */
export function leaderlessByzantine(): ByzantineHooks<LeaderlessMessage> {
  return {
    tamper: {
      'lie-read': (tools) => (_to, message) => {
        const msg = message as LeaderlessMessage;
        if (msg.kind === 'replica-read-reply') msg.state = forgedState(msg.state, tools);
        return [msg];
      },
    },
  };
}

function forgedState(state: KeyState | null, tools: ByzantineTools<LeaderlessMessage>): KeyState | null {
  if (state === null) return { kind: 'tagged', tag: { c: FORGED_TAG_LEAD, node: tools.self }, value: forgedValue(tools.random) };
  if (state.kind !== 'tagged') return state;
  return { kind: 'tagged', tag: { c: state.tag.c + FORGED_TAG_LEAD, node: state.tag.node }, value: forgedValue(tools.random) };
}
