package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example GitHub Actions workflow is valid YAML of a workflow's shape, every {@code benchmarks.jar} command in
 * it names a real subcommand and real options, its baseline exists and was recorded with the campaign's settings,
 * and the files it passes between steps are the ones the commands write.
 */
class WorkflowExampleTest {

    static final Path WORKFLOW = Path.of("benchmarks/ci/quorumbench-pr.yml.example");
    private static final Pattern JAR_COMMAND = Pattern.compile("java -jar target/benchmarks\\.jar ([^\\n]*)");

    @Test
    void isAWorkflowWhoseQuorumbenchCommandsAreRealSubcommandsAndOptions() throws Exception {
        JsonNode wf = new YAMLMapper().readTree(WORKFLOW.toFile());
        JsonNode steps = wf.path("jobs").path("campaign").path("steps");

        assertTrue(wf.path("on").has("pull_request"), "runs on pull requests");
        assertTrue(steps.isArray() && steps.size() > 3);
        List<String> runs = new ArrayList<>();
        for (JsonNode step : steps) {
            assertTrue(step.has("run") ^ step.has("uses"), "a step runs a command or uses an action: " + step);
            if (step.has("run")) {
                runs.add(step.path("run").asText());
            }
        }
        Map<String, String> env = Map.of("$CAMPAIGN", wf.path("env").path("CAMPAIGN").asText());
        List<List<String>> commands = new ArrayList<>();
        for (String run : runs) {
            commands.addAll(jarCommands(run, env));
        }
        List<String> subcommands = commands.stream().map(c -> c.get(0)).toList();
        assertEquals(List.of("run", "compare", "report"), subcommands);
        for (List<String> c : commands) {
            assertEquals(List.of(), unknownOptions(c), "options of " + c);
        }
        assertTrue(String.join("\n", runs).contains("mvn -B -ntp package -DskipTests"), "builds the jar");
    }

    @Test
    void theBaselineExistsAndHasTheCampaignsSettings() throws Exception {
        JsonNode wf = new YAMLMapper().readTree(WORKFLOW.toFile());
        Path baseline = Path.of(wf.path("env").path("BASELINE").asText());
        List<String> campaign = Arrays.asList(wf.path("env").path("CAMPAIGN").asText().split("\\s+"));

        CampaignSpec spec = CampaignJson.read(RunFiles.campaignJson(baseline));

        assertTrue(Files.isRegularFile(baseline.resolve(RunFiles.PHASE4_JSON)), baseline + " is analysed");
        assertEquals(campaign.get(campaign.indexOf("--faults") + 1),
                String.join(",", spec.faults().stream().map(FaultClass::key).toList()));
        assertEquals(Integer.parseInt(campaign.get(campaign.indexOf("--cycles") + 1)), spec.cycles());
        assertEquals(Integer.parseInt(campaign.get(campaign.indexOf("--writes") + 1)), spec.writes());
    }

    @Test
    void theFilesPassedBetweenStepsAreTheOnesTheCommandsWrite() throws Exception {
        String text = Files.readString(WORKFLOW);

        for (String file : List.of("ci-out/junit.xml", "ci-out/report/release-notes.md", "ci-out/benchmark.json",
                "ci-out/bmf.json")) {
            assertTrue(text.split(Pattern.quote(file), -1).length >= 3, file + " is written and then read");
        }
        assertTrue(text.contains("tool: customSmallerIsBetter"));
    }

    @Test
    void theCheckFindsAnOptionNoCommandHas() {
        // The control: a misspelt option in the workflow would fail the test above.
        List<String> c = jarCommands("java -jar target/benchmarks.jar compare a b --bogus --out x", Map.of()).get(0);

        assertEquals(List.of("--bogus"), unknownOptions(c));
        assertFalse(unknownOptions(List.of("report", "--out", "x")).contains("--out"));
    }

    /** The argument lists after {@code java -jar target/benchmarks.jar}, continuation lines joined, quotes removed. */
    static List<List<String>> jarCommands(String script, Map<String, String> env) {
        String joined = script.replace("\\\n", " ");
        List<List<String>> out = new ArrayList<>();
        Matcher m = JAR_COMMAND.matcher(joined);
        while (m.find()) {
            String args = m.group(1);
            for (Map.Entry<String, String> e : env.entrySet()) {
                args = args.replace(e.getKey(), e.getValue());
            }
            List<String> tokens = new ArrayList<>();
            for (String t : args.trim().split("\\s+")) {
                tokens.add(t.replace("\"", ""));
            }
            out.add(tokens);
        }
        return out;
    }

    /** Options of {@code command} (subcommand first) that its {@code --help} does not list. */
    static List<String> unknownOptions(List<String> command) {
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {command.get(0), "--help"}, new PrintStream(help, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(ExitCode.OK, exit, "'" + command.get(0) + "' is a subcommand");
        String text = help.toString(StandardCharsets.UTF_8);
        List<String> unknown = new ArrayList<>();
        for (String t : command) {
            if (t.startsWith("--") && !Pattern.compile("(^|\\s)" + Pattern.quote(t) + "(\\s|$)", Pattern.MULTILINE)
                    .matcher(text).find()) {
                unknown.add(t);
            }
        }
        return unknown;
    }
}
