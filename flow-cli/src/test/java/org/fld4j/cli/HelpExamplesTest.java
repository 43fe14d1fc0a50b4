package org.fld4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help ends with examples that use only that command's own name and options. */
class HelpExamplesTest {

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }

    @Test
    void everyCommandsHelpHasExamples() {
        List<CommandLine> all = new ArrayList<>();
        CommandLine root = new CommandLine(new Main());
        collect(root, all);
        assertThat(all).hasSizeGreaterThan(10);
        for (CommandLine command : all) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String path = command.getCommandSpec().qualifiedName(" ");
            assertThat(help).as(path).contains("Examples:");
            List<String> examples = help.substring(help.indexOf("Examples:")).lines().skip(1)
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertThat(examples).as(path).isNotEmpty();
            for (String example : examples) {
                // one example per line: a wrapped example would not paste into a shell
                assertThat(example).as(path).startsWith("fld");
                if (command.getParent() != null) {
                    assertThat(example).as(path).startsWith(path);
                }
                // the options belong to the deepest command the example names
                String[] words = example.split(" +");
                CommandLine target = root;
                for (int w = 1; w < words.length && target.getSubcommands().containsKey(words[w]); w++) {
                    target = target.getSubcommands().get(words[w]);
                }
                for (String word : words) {
                    if (word.startsWith("--") && !word.equals("--help")) {
                        assertThat(target.getCommandSpec().findOption(word)).as(path + ": " + word).isNotNull();
                    }
                }
            }
        }
    }
}
