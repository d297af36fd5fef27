package dev.quorumbench.client;

import dev.quorumbench.run.CycleRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what each node lists against what the cycle wrote (pure).
 *
 * <p>"Accepted" writes are the acknowledged ones plus the indeterminate ones some node kept anyway (a 503 keeps
 * the local write, ADR-0001): the source document asks that, once the sync daemon converged them, "the surviving
 * count on each peer still matches within 1% of the accepted writes".
 *
 * @param ackedPresent         per node, how many acknowledged ids it lists; -1 when the node could not be read
 * @param lostIds              acknowledged ids missing from at least one readable node, sorted
 * @param indeterminatePresent non-ok writes (quorum_not_met or fail) that some node lists anyway
 * @param inFlight             where the writes in flight at the fault ended: on every node, some, none
 * @param accepted             acknowledged writes plus indeterminate writes present on some node
 * @param acceptedPresent      per node, how many accepted writes it lists; -1 when the node could not be read
 * @param duplicates           ids listed more than once on one node, summed over nodes
 * @param foreign              listed rows that are none of the cycle's writes, summed over nodes: a list that
 *                             ignores the namespace filter or invents rows is a store defect, not a pass
 * @param converged            every node was read and lists every accepted write
 */
public record ReadBackCheck(List<Integer> ackedPresent, List<String> lostIds, int indeterminatePresent,
                            CycleRecord.InFlight inFlight, int accepted, List<Integer> acceptedPresent, int duplicates,
                            int foreign, boolean converged) {

    /** As {@link #of(Set, Set, Set, List)} with no write in flight. */
    public static ReadBackCheck of(Set<String> acked, Set<String> indeterminate,
                                   List<? extends Collection<String>> listings) {
        return of(acked, indeterminate, Set.of(), listings);
    }

    /**
     * @param acked        ids whose outcome was ok
     * @param indeterminate ids whose outcome was quorum_not_met or fail
     * @param inFlight     ids of writes one of whose attempts got no definite answer (any final outcome)
     * @param listings     per node the listed ids, or null when the node could not be read
     */
    public static ReadBackCheck of(Set<String> acked, Set<String> indeterminate, Set<String> inFlight,
                                   List<? extends Collection<String>> listings) {
        List<Integer> present = new ArrayList<>();
        List<Set<String>> seenPerNode = new ArrayList<>();
        Set<String> lost = new TreeSet<>();
        Set<String> indeterminateSeen = new HashSet<>();
        int duplicates = 0;
        int foreign = 0;
        boolean allRead = true;
        for (Collection<String> listing : listings) {
            if (listing == null) {
                present.add(-1);
                seenPerNode.add(null);
                allRead = false;
                continue;
            }
            Set<String> seen = new HashSet<>();
            seenPerNode.add(seen);
            for (String id : listing) {
                if (!seen.add(id)) {
                    duplicates++;
                } else if (!acked.contains(id) && !indeterminate.contains(id)) {
                    foreign++;
                }
            }
            int count = 0;
            for (String id : acked) {
                if (seen.contains(id)) {
                    count++;
                } else {
                    lost.add(id);
                }
            }
            present.add(count);
            for (String id : indeterminate) {
                if (seen.contains(id)) {
                    indeterminateSeen.add(id);
                }
            }
        }
        List<Integer> acceptedPresent = new ArrayList<>();
        boolean allAcceptedEverywhere = true;
        for (Set<String> seen : seenPerNode) {
            if (seen == null) {
                acceptedPresent.add(-1);
                continue;
            }
            int count = 0;
            for (String id : acked) {
                count += seen.contains(id) ? 1 : 0;
            }
            for (String id : indeterminateSeen) {
                count += seen.contains(id) ? 1 : 0;
            }
            acceptedPresent.add(count);
            allAcceptedEverywhere &= count == acked.size() + indeterminateSeen.size();
        }
        return new ReadBackCheck(List.copyOf(present), List.copyOf(lost), indeterminateSeen.size(),
                whereInFlight(inFlight, seenPerNode), acked.size() + indeterminateSeen.size(), List.copyOf(acceptedPresent),
                duplicates, foreign,
                allRead && allAcceptedEverywhere);
    }

    /** On every node (all readable), on some readable node, or on none. */
    private static CycleRecord.InFlight whereInFlight(Set<String> inFlight, List<Set<String>> seenPerNode) {
        int all = 0;
        int some = 0;
        int none = 0;
        for (String id : inFlight) {
            int on = 0;
            int unreadable = 0;
            for (Set<String> seen : seenPerNode) {
                if (seen == null) {
                    unreadable++;
                } else if (seen.contains(id)) {
                    on++;
                }
            }
            if (on == 0) {
                none++;
            } else if (unreadable == 0 && on == seenPerNode.size()) {
                all++;
            } else {
                some++;
            }
        }
        return new CycleRecord.InFlight(inFlight.size(), all, some, none);
    }
}
