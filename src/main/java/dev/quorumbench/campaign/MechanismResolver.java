package dev.quorumbench.campaign;

import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;

import dev.quorumbench.fault.FaultCatalog;
import dev.quorumbench.fault.FaultOptions;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.host.Host;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves, before any fork starts, which mechanism each fault class will use on this machine and how real it is,
 * so a bad --mechanism or --target is a usage error and campaign.json says up front what will be injected.
 */
public final class MechanismResolver {

    private MechanismResolver() {
    }

    public static Map<String, Mechanism> resolve(CampaignSpec spec) {
        TargetProfile profile = TargetProfile.resolve(spec.target());
        Host host = Clusters.hostOf(profile);
        for (String fault : spec.mechanismOverrides().keySet()) {
            if (!spec.faults().contains(fault)) {
                throw new dev.quorumbench.InvalidInputException("--mechanism names fault '" + fault
                        + "', which this campaign does not run (faults: " + String.join(", ", spec.faults()) + ")");
            }
        }
        Map<String, Mechanism> out = new LinkedHashMap<>();
        for (String fault : spec.faults()) {
            FaultOptions options = new FaultOptions(spec.faultWindowMs(), spec.skewMs(), spec.dropShare(), spec.seed(),
                    profile.capabilities(), spec.runPath());
            out.put(fault, FaultCatalog.plan(FaultClass.fromKey(fault), spec.mechanismOverrides().get(fault), options,
                    host).mechanism());
        }
        return out;
    }
}
