package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLinesTest {

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("node-args").hasArg().build());
        o.addOption(Option.builder().longOpt("cycles").hasArg().build());
        o.addOption(Option.builder("v").longOpt("verbose").build());
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # args (;-separated)              | as parsed (;-separated)
        --node-args;-t                    | --node-args=-t
        --node-args;-t;--cycles;3         | --node-args=-t;--cycles;3
        --node-args;--extra-latency-ms 3  | --node-args=--extra-latency-ms 3
        --node-args;--cycles;3            | --node-args;--cycles;3
        --node-args;-v                    | --node-args;-v
        --verbose;-t                      | --verbose;-t
        --cycles;3                        | --cycles;3
        --node-args=-t                    | --node-args=-t
        """)
    void aValueThatStartsWithADashStaysTheOptionsValue(String args, String parsed) {
        assertEquals(parsed, String.join(";", CommandLines.attachValues(options(), args.trim().split(";"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        --node-args;-t;--cycles;3         | -t
        --node-args;-f 2                  | -f 2
        """)
    void nodeArgsTakesAFlagAsItsValue(String args, String value) {
        assertEquals(value, CommandLines.parse(options(), args.trim().split(";"), null).getOptionValue("node-args"));
    }
}
