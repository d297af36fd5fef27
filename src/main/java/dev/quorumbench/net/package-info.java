/**
 * The link proxy: a small TCP proxy per directed node-to-node link that forwards, black-holes (holds every byte,
 * no reset, like an iptables DROP) or drops a random share of responses (a lost ack), switchable at run time.
 */
package dev.quorumbench.net;
