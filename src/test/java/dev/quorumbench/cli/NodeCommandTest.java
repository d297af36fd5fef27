package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors of {@code node serve}: one line on stderr, exit code 2, nothing started. */
class NodeCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            serve                                                      | no database
            serve --db x.db --quorum-writes 2                          | --quorum-writes must be 1..1
            serve --db x.db --quorum-writes 4 --quorum-peers http://127.0.0.1:1,http://127.0.0.1:2 | --quorum-writes must be 1..3
            serve --db x.db --port 70000                               | --port must be 0..65535
            serve --db x.db --port 99999999999                         | --port is out of range
            serve --db x.db --port abc                                 | --port must be an integer
            serve --db x.db --quorum-timeout-ms 0                      | --quorum-timeout-ms must be positive
            serve --db x.db --quorum-peers ftp://h:1                   | a peer must be http://host:port
            serve --db x.db --no-such-flag                             | Unrecognized option
            serve --db x.db extra                                      | unexpected argument
            serve --db x.db --parent-pid 999999999                     | no such process
            bogus                                                      | unknown node subcommand
            serve --db x.db --host no-such-host.invalid                | --host no-such-host.invalid: not an address
            serve --db x.db --port 1 --port 2                          | --port is given more than once
            serve --db garbage.db --port 0                             | cannot open the database
            serve --db sub --port 0                                    | is a directory, not a database file
            """)
    void refusesBadUsage(String args, String message) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            java.nio.file.Files.writeString(dir.resolve("garbage.db"), "not a database, long enough to be read as one");
            java.nio.file.Files.createDirectories(dir.resolve("sub"));
            String[] argv = args.replace("x.db", dir.resolve("x.db").toString())
                    .replace("garbage.db", dir.resolve("garbage.db").toString())
                    .replace("--db sub", "--db " + dir.resolve("sub")).split(" ");
            code = new NodeCommand(Map.of()).run(argv, new PrintStream(out), errStream);
        } catch (dev.quorumbench.InvalidInputException e) {
            code = ExitCode.USAGE; // Main turns this into exit 2 with the message on one line
            errStream.println(e.getMessage());
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, code, text);
        assertTrue(text.contains(message), text);
        assertEquals(1, text.strip().lines().count(), text);
        // A node that never started leaves no sqlite native directory beside its database.
        assertTrue(!java.nio.file.Files.exists(dir.resolve("garbage.db.native")), "garbage.db.native left behind");
    }

    @org.junit.jupiter.api.Test
    void nodeWithoutSubcommandIsAUsageErrorOnStderr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"node"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout");
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("quorumbench node: a subcommand is needed"),
                err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"node serve --db", "node serve --port 1 --quorum-writes x --db y"})
    void mainExitsWithUsageCode(String args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.split(" "), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count());
    }
}
