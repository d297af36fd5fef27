package dev.quorumbench.campaign;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.fault.FaultCatalog;
import dev.quorumbench.fault.TargetCapabilities;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves, before any fork starts, which mechanism each fault class will use on this machine and how real it is,
 * so a bad --mechanism or --target is a usage error and campaign.json says up front what will be injected.
 */
public final class MechanismResolver {

    /** The protocol is only asked what it offers; no request is sent. */
    private static final long PROBE_TIMEOUT_MS = 1_000;

    private MechanismResolver() {
    }

    public static Map<FaultClass, Mechanism> resolve(CampaignSpec spec) {
        TargetProfile profile = TargetProfile.resolve(spec.target());
        Host host = Clusters.hostOf(profile);
        for (FaultClass fault : spec.mechanismOverrides().keySet()) {
            if (!spec.faults().contains(fault)) {
                throw new InvalidInputException("--mechanism names fault '" + fault
                        + "', which this campaign does not run (faults: " + keys(spec.faults()) + ")");
            }
        }
        TargetCapabilities capabilities;
        try (StoreProtocol store = StoreProtocols.forTarget(profile.storeTarget(), PROBE_TIMEOUT_MS)) {
            capabilities = TargetCapabilities.of(store, profile); // typed: what the protocol and the profile offer
        }
        HostFacts facts;
        try (host) {
            facts = host.facts();
        }
        Map<FaultClass, Mechanism> out = new LinkedHashMap<>();
        for (FaultClass fault : spec.faults()) {
            out.put(fault, FaultCatalog.mechanism(fault, spec.mechanismOverrides().get(fault), facts, capabilities));
        }
        return out;
    }

    private static String keys(List<FaultClass> faults) {
        return String.join(", ", faults.stream().map(FaultClass::key).toList());
    }
}
