package dev.quorumbench.analysis;

import java.nio.file.Path;
import java.util.Map;

/**
 * One run directory as read from its files, before any computation.
 *
 * @param dir      the run directory
 * @param campaign {@code campaign.json}
 * @param faults   one entry per fault class of the campaign, in campaign order (files may be missing)
 * @param jmh      {@code jmh-result.json}, or null when it is missing, empty or cut off (an interrupted run)
 */
public record RunData(Path dir, CampaignInfo campaign, Map<String, FaultData> faults, JmhResult jmh) {
}
