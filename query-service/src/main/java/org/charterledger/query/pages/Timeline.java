package org.charterledger.query.pages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal timeline drawn as SVG on the server: named lanes, and on them bars from a first day to the day after
 * the last (an open bar runs to the timeline's end), with a tick at each new year. Coordinates are in the SVG's own
 * units; the page scales the drawing to its width (viewBox), so it reads on a phone as on a wall.
 */
record Timeline(int width, int height, int plotLeft, int plotRight, List<Lane> lanes, List<Bar> bars,
                List<Tick> ticks, LocalDate start, LocalDate end) {

    static final int LABEL_WIDTH = 170;
    static final int PLOT_WIDTH = 760;
    static final int LANE_HEIGHT = 36;
    static final int BAR_HEIGHT = 26;
    static final int TOP = 26;

    /** A lane, with its label's baseline. */
    record Lane(String label, int y, int textY) {
    }

    /** A bar: where it is drawn, its style, the words in it, what a pointer over it reads, and where it leads. */
    record Bar(int x, int y, int width, int height, String css, String label, boolean labelFits, int textX, int textY,
               String title, String href) {
    }

    record Tick(int x, String label) {
    }

    /** A bar to draw on lane {@code lane}, from {@code from} up to (not including) {@code until}; null: still open. */
    record Span(int lane, LocalDate from, LocalDate until, String css, String label, String title, String href) {
    }

    /** Where a day falls on the drawing (for a marker such as the date asked). */
    int x(LocalDate day) {
        long days = ChronoUnit.DAYS.between(start, end);
        LocalDate clamped = day.isBefore(start) ? start : day.isAfter(end) ? end : day;
        return plotLeft + (int) ((plotRight - plotLeft) * ChronoUnit.DAYS.between(start, clamped) / days);
    }

    static Timeline of(List<String> lanes, List<Span> spans, LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            end = start.plusDays(1);
        }
        long days = ChronoUnit.DAYS.between(start, end);
        int plotLeft = LABEL_WIDTH;
        List<Lane> drawnLanes = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            int y = TOP + i * LANE_HEIGHT;
            drawnLanes.add(new Lane(lanes.get(i), y, y + BAR_HEIGHT / 2 + 5));
        }
        List<Bar> bars = new ArrayList<>();
        for (Span span : spans) {
            LocalDate from = span.from().isBefore(start) ? start : span.from();
            LocalDate until = span.until() == null || span.until().isAfter(end) ? end : span.until();
            if (!until.isAfter(from)) {
                continue;
            }
            int x = plotLeft + (int) (PLOT_WIDTH * ChronoUnit.DAYS.between(start, from) / days);
            int right = plotLeft + (int) (PLOT_WIDTH * ChronoUnit.DAYS.between(start, until) / days);
            int width = Math.max(2, right - x);
            int y = TOP + span.lane() * LANE_HEIGHT;
            String label = span.label() == null ? "" : span.label();
            // about 7 units a character at the bars' type size
            bars.add(new Bar(x, y, width, BAR_HEIGHT, span.css(), label, label.length() * 7 + 8 <= width, x + 5,
                    y + BAR_HEIGHT / 2 + 5, span.title(), span.href()));
        }
        List<Tick> ticks = new ArrayList<>();
        int years = end.getYear() - start.getYear();
        int step = years > 40 ? 10 : years > 16 ? 5 : years > 8 ? 2 : 1;
        for (int year = start.getYear() + 1; year <= end.getYear(); year++) {
            if (year % step == 0) {
                LocalDate jan1 = LocalDate.of(year, 1, 1);
                ticks.add(new Tick(plotLeft + (int) (PLOT_WIDTH * ChronoUnit.DAYS.between(start, jan1) / days),
                        Integer.toString(year)));
            }
        }
        int height = TOP + lanes.size() * LANE_HEIGHT + 6;
        return new Timeline(LABEL_WIDTH + PLOT_WIDTH + 10, height, plotLeft, plotLeft + PLOT_WIDTH, drawnLanes, bars,
                ticks, start, end);
    }
}
