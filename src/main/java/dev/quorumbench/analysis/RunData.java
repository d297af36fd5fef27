package dev.quorumbench.analysis;

import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run directory as read from its files, before any computation.
 *
 * @param dir      the run directory
 * @param campaign {@code campaign.json}, as the campaign wrote it
 * @param faults   one entry per fault class of the campaign, in campaign order (files may be missing)
 * @param jmh      {@code jmh-result.json}, or null when it is missing, empty or cut off (an interrupted run)
 */
public record RunData(Path dir, CampaignSpec campaign, Map<FaultClass, FaultData> faults, JmhResult jmh) {
}
