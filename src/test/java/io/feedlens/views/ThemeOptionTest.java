package io.feedlens.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.feedlens.views.shell.Theme;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ThemeOptionTest {

    @Test
    void themeIsReadWhateverItsCase() {
        FeedLensCommand command = new FeedLensCommand();
        new CommandLine(command).parseArgs("--theme", "Dark");
        assertThat(command.theme).isEqualTo(Theme.DARK);
    }

    @Test
    void anUnknownThemeIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> new CommandLine(new FeedLensCommand()).parseArgs("--theme", "purple"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'purple' is not a theme: use light or dark");
    }
}
