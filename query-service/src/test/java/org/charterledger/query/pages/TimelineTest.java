package org.charterledger.query.pages;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2023, 1, 1);

    @Test
    void barsAreDrawnInProportionToTheirDaysWithATickAtEachNewYear() {
        Timeline timeline = Timeline.of(List.of("Chair", "Acting chair"), List.of(
                new Timeline.Span(0, START, LocalDate.of(2022, 1, 1), "term", "13 · RU-SAKHA", "first", null),
                new Timeline.Span(1, LocalDate.of(2022, 1, 1), null, "acting", "acting", "second", "/motions/X")),
                START, END);

        Timeline.Bar first = timeline.bars().get(0);
        Timeline.Bar second = timeline.bars().get(1);
        assertThat(first.x()).isEqualTo(Timeline.LABEL_WIDTH);
        assertThat(first.width()).isEqualTo(Timeline.PLOT_WIDTH * 365 / 730);
        assertThat(second.x()).isEqualTo(first.x() + first.width());
        assertThat(second.x() + second.width()).as("an open bar runs to the end").isEqualTo(timeline.plotRight());
        assertThat(second.y()).isEqualTo(first.y() + Timeline.LANE_HEIGHT);
        assertThat(second.href()).isEqualTo("/motions/X");
        assertThat(first.labelFits()).isTrue();
        assertThat(timeline.ticks()).extracting(Timeline.Tick::label).containsExactly("2022", "2023");
        assertThat(timeline.x(LocalDate.of(2022, 1, 1))).isEqualTo(second.x());
    }

    @Test
    void aBarOutsideTheDrawingIsLeftOutAndOneAcrossItsEdgeIsClipped() {
        Timeline timeline = Timeline.of(List.of("Rights"), List.of(
                new Timeline.Span(0, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1), "gone", "", "before", null),
                new Timeline.Span(0, LocalDate.of(2020, 6, 1), LocalDate.of(2021, 7, 2), "clipped", "x", "across", null)),
                START, END);

        assertThat(timeline.bars()).extracting(Timeline.Bar::css).containsExactly("clipped");
        assertThat(timeline.bars().get(0).x()).isEqualTo(Timeline.LABEL_WIDTH);
    }

    @Test
    void aLabelTooLongForItsBarIsLeftToTheTitle() {
        Timeline timeline = Timeline.of(List.of("Chair"), List.of(
                new Timeline.Span(0, START, START.plusDays(10), "term", "a label far too long for ten days", "why", null)),
                START, END);

        assertThat(timeline.bars().get(0).labelFits()).isFalse();
        assertThat(timeline.bars().get(0).title()).isEqualTo("why");
    }
}
