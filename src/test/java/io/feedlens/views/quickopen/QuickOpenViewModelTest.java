package io.feedlens.views.quickopen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.feedlens.views.quickopen.QuickOpenViewModel.Entry;
import org.junit.jupiter.api.Test;

class QuickOpenViewModelTest {

    private static final Runnable NOTHING = () -> { };

    @Test
    void everyTypedWordMustMatchAndNamesStartingWithTheQueryComeFirst() {
        List<Entry> entries = List.of(new Entry("Topic", "features.payments", NOTHING), new Entry("Topic", "payments", NOTHING),
                new Entry("Group", "payments-scorer", NOTHING), new Entry("Screen", "Topics", NOTHING));

        assertThat(QuickOpenViewModel.best(entries, "payments").stream().map(Entry::name))
                .containsExactly("payments", "payments-scorer", "features.payments");
        assertThat(QuickOpenViewModel.best(entries, "topic pay").stream().map(Entry::name))
                .containsExactly("payments", "features.payments");
        assertThat(QuickOpenViewModel.best(entries, "")).hasSize(4);
    }

    @Test
    void decisionsLookedUpInTheBackgroundJoinTheResultsOfTheirQueryOnly() throws Exception {
        QuickOpenViewModel model = new QuickOpenViewModel(() -> List.of(new Entry("Screen", "Trace", NOTHING)),
                query -> List.of(new Entry("Decision", query + "-1", NOTHING)), Runnable::run);

        model.queryProperty().set("d-00");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (model.results().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.results()).extracting(Entry::name).containsExactly("d-00-1");
        assertThat(model.open(null)).isFalse();
    }
}
